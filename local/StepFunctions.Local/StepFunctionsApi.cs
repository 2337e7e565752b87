using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <summary>
/// The Step Functions API (AWS JSON 1.0) over an <see cref="AslEngine"/>, independent of HTTP: one call per request,
/// the operation taken from <c>X-Amz-Target: AWSStepFunctions.&lt;Operation&gt;</c>. Every failure is answered as AWS's
/// error document; nothing a client sends makes it throw.
/// </summary>
public sealed partial class StepFunctionsApi
{
    private const string TargetPrefix = "AWSStepFunctions.";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Dictionary<string, Func<ApiRequest, Utf8JsonWriter, CancellationToken, ValueTask>> _operations;
    private readonly ConcurrentDictionary<string, StateMachineEntry> _stateMachines = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<StateMachine, StateMachineRevision> _revisions = [];
    private readonly Lock _writeGate = new();
    private readonly bool _mocksLoaded;

    /// <summary>Creates the API over a new engine wired from <paramref name="options"/>.</summary>
    public StepFunctionsApi(StepFunctionsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var handler = options.TaskHandler;
        if (options.MockConfigPath is { } mockPath)
        {
            handler = new MockTaskHandler(MockConfiguration.Load(mockPath), handler);
            _mocksLoaded = true;
        }

        ActivityTasks = new ActivityTaskHandler(handler);
        handler = ActivityTasks;

        var engineOptions = new AslEngineOptions
        {
            Clock = options.Clock,
            TaskHandler = handler,
            Region = options.Region,
            AccountId = options.AccountId,
        };
        Engine = new AslEngine(engineOptions with
        {
            ItemReader = options.ItemReader ?? engineOptions.ItemReader,
            ResultWriter = options.ResultWriter ?? engineOptions.ResultWriter,
        });
        _operations = new(StringComparer.Ordinal)
        {
            ["CreateStateMachine"] = Sync(CreateStateMachine),
            ["DescribeStateMachine"] = Sync(DescribeStateMachine),
            ["UpdateStateMachine"] = Sync(UpdateStateMachine),
            ["DeleteStateMachine"] = Sync(DeleteStateMachine),
            ["ListStateMachines"] = Sync(ListStateMachines),
            ["ValidateStateMachineDefinition"] = Sync(ValidateStateMachineDefinition),
            ["StartExecution"] = Sync(StartExecution),
            ["StartSyncExecution"] = StartSyncExecutionAsync,
            ["StopExecution"] = Sync(StopExecution),
            ["DescribeExecution"] = Sync(DescribeExecution),
            ["DescribeStateMachineForExecution"] = Sync(DescribeStateMachineForExecution),
            ["ListExecutions"] = Sync(ListExecutions),
            ["GetExecutionHistory"] = Sync(GetExecutionHistory),
            ["RedriveExecution"] = RedriveExecutionAsync,
            ["SendTaskSuccess"] = Sync(SendTaskSuccess),
            ["SendTaskFailure"] = Sync(SendTaskFailure),
            ["SendTaskHeartbeat"] = Sync(SendTaskHeartbeat),
            ["TagResource"] = Sync(Saving(TagResource)),
            ["UntagResource"] = Sync(Saving(UntagResource)),
            ["ListTagsForResource"] = Sync(ListTagsForResource),
            ["DescribeMapRun"] = Sync(DescribeMapRun),
            ["ListMapRuns"] = Sync(ListMapRuns),
            ["TestState"] = TestStateAsync,
            ["PublishStateMachineVersion"] = Sync(PublishStateMachineVersion),
            ["ListStateMachineVersions"] = Sync(ListStateMachineVersions),
            ["DeleteStateMachineVersion"] = Sync(DeleteStateMachineVersion),
            ["CreateStateMachineAlias"] = Sync(CreateStateMachineAlias),
            ["DescribeStateMachineAlias"] = Sync(DescribeStateMachineAlias),
            ["UpdateStateMachineAlias"] = Sync(UpdateStateMachineAlias),
            ["DeleteStateMachineAlias"] = Sync(DeleteStateMachineAlias),
            ["ListStateMachineAliases"] = Sync(ListStateMachineAliases),
            ["CreateActivity"] = Sync(CreateActivity),
            ["DescribeActivity"] = Sync(DescribeActivity),
            ["ListActivities"] = Sync(ListActivities),
            ["DeleteActivity"] = Sync(DeleteActivity),
            ["GetActivityTask"] = GetActivityTaskAsync,
        };
    }

    /// <summary>The configuration the API was created with.</summary>
    public StepFunctionsServerOptions Options { get; }

    /// <summary>The engine running the executions.</summary>
    public AslEngine Engine { get; }

    /// <summary>The operations served, by name.</summary>
    public IReadOnlyCollection<string> Operations => _operations.Keys;

    /// <summary>Answers one request. <paramref name="target"/> is the X-Amz-Target header value.</summary>
    public async ValueTask<ApiResponse> InvokeAsync(string? target, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            var operation = target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal)
                && _operations.TryGetValue(target[TargetPrefix.Length..], out var found)
                    ? found
                    : throw new ApiException("UnknownOperationException", target is null ? "Missing X-Amz-Target header" : $"Unknown operation: '{target}'");
            using var request = ApiRequest.Parse(body);
            await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                await operation(request, writer, cancellationToken).ConfigureAwait(false);
                writer.WriteEndObject();
            }

            return new ApiResponse(200, buffer.WrittenMemory);
        }
        catch (ApiException e)
        {
            return Error(e.StatusCode, e.Code, e.Message);
        }
        catch (AslApiException e)
        {
            return Error(400, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must still answer in AWS's shape, so clients see an error document rather than a dropped connection.
            return Error(500, "InternalFailure", $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>An AWS-shaped error document.</summary>
    public static ApiResponse Error(int statusCode, string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return new ApiResponse(statusCode, buffer.WrittenMemory);
    }

    private static Func<ApiRequest, Utf8JsonWriter, CancellationToken, ValueTask> Sync(Action<ApiRequest, Utf8JsonWriter> operation) =>
        (request, writer, _) =>
        {
            operation(request, writer);
            return ValueTask.CompletedTask;
        };
}
