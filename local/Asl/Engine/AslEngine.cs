using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Runs ASL state machines: compiles definitions, starts and stops executions (many at once, each asynchronous),
/// and resolves task-token callbacks. This is the API the Step Functions API server calls.
/// </summary>
public sealed class AslEngine
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MapRun> _mapRuns = new(StringComparer.Ordinal);
    private readonly Random _seeds;

    public AslEngine(AslEngineOptions? options = null)
    {
        Options = options ?? new AslEngineOptions();
        _seeds = new LockedRandom(Options.RandomSeed ?? Random.Shared.Next());
    }

    public AslEngineOptions Options { get; }

    public IClock Clock => Options.Clock;

    internal ITaskHandler TaskHandler => Options.TaskHandler;

    internal TaskTokenRegistry Tokens { get; } = new();

    /// <summary>
    /// Validates and compiles a definition. Throws <see cref="InvalidDefinitionException"/> with AWS's message
    /// (<c>Invalid State Machine Definition: '...'</c>) when AWS would reject it.
    /// </summary>
    public StateMachine CreateStateMachine(string name, string definition, StateMachineType type = StateMachineType.Standard, string? roleArn = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(definition);
        var (root, timeout) = DefinitionParser.Parse(definition, type);
        return new StateMachine(
            name,
            $"arn:aws:states:{Options.Region}:{Options.AccountId}:stateMachine:{name}",
            type,
            definition,
            roleArn ?? $"arn:aws:iam::{Options.AccountId}:role/StepFunctionsLocal",
            root,
            timeout);
    }

    /// <summary>
    /// Starts an execution and returns at once; it runs on the thread pool. <paramref name="input"/> defaults to
    /// <c>{}</c>; <paramref name="testCase"/> selects a MockConfigFile test case (the <c>#TestCase</c> ARN suffix).
    /// Throws <see cref="AslApiException"/>: InvalidExecutionInput, InvalidName, ExecutionAlreadyExists.
    /// </summary>
    public Execution StartExecution(StateMachine stateMachine, string? input = null, string? name = null, string? testCase = null) =>
        Start(stateMachine, input, name, testCase, null);

    /// <summary>Splits <c>arn:...:stateMachine:Name#TestCase</c> into the machine ARN and the test case.</summary>
    public static (string StateMachineArn, string? TestCase) SplitTestCase(string stateMachineArn)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        var hash = stateMachineArn.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (stateMachineArn, null) : (stateMachineArn[..hash], stateMachineArn[(hash + 1)..]);
    }

    /// <summary>The execution with this ARN, or null.</summary>
    public Execution? FindExecution(string executionArn) =>
        _executions.TryGetValue(executionArn, out var execution) ? execution : null;

    /// <summary>Executions of a state machine (or children of a Map Run, by its ARN), newest first.</summary>
    public IReadOnlyList<Execution> ListExecutions(string stateMachineOrMapRunArn) =>
        [.. _executions.Values
            .Where(e => e.MapRunArn == stateMachineOrMapRunArn || (e.MapRunArn is null && e.StateMachine.Arn == stateMachineOrMapRunArn))
            .OrderByDescending(e => e.StartDate)];

    /// <summary>The Map Run with this ARN, or null.</summary>
    public MapRun? FindMapRun(string mapRunArn) => _mapRuns.TryGetValue(mapRunArn, out var run) ? run : null;

    /// <summary>Stops a running execution (ExecutionAborted); false when it had already ended.</summary>
    public bool StopExecution(string executionArn, string? error = null, string? cause = null)
    {
        var execution = FindExecution(executionArn)
            ?? throw new AslApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");
        return execution.Close(ExecutionStatus.Aborted, null, error, cause, 0);
    }

    /// <summary>Completes a <c>.waitForTaskToken</c> task. Errors: InvalidToken, TaskDoesNotExist, TaskTimedOut, InvalidOutput.</summary>
    public void SendTaskSuccess(string taskToken, string output) => Tokens.SendSuccess(taskToken, output);

    /// <summary>Fails a <c>.waitForTaskToken</c> task with an error and cause. Errors: InvalidToken, TaskDoesNotExist, TaskTimedOut.</summary>
    public void SendTaskFailure(string taskToken, string? error = null, string? cause = null) => Tokens.SendFailure(taskToken, error, cause);

    /// <summary>Restarts a waiting task's HeartbeatSeconds timer (records no event). Errors as <see cref="SendTaskSuccess"/>.</summary>
    public void SendTaskHeartbeat(string taskToken) => Tokens.SendHeartbeat(taskToken);

    /// <summary>Parses execution input as AWS does; throws InvalidExecutionInput with the parser's message.</summary>
    public static JsonNode? ParseInput(string? input)
    {
        try
        {
            return JsonMaterializer.Materialize(JsonNode.Parse(input ?? "{}", NodeOptions, DocumentOptions), decodeStrings: true);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AslApiException("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{e.Message}'");
        }
    }

    internal Execution Start(StateMachine stateMachine, string? input, string? name, string? testCase, MapRun? mapRun, JsonNode? parsedInput = null)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        var executionName = name ?? Guid.NewGuid().ToString();
        ValidateName(executionName);
        var value = parsedInput ?? ParseInput(input);
        var arn = mapRun is not null ? mapRun.ChildArn(executionName, stateMachine.Type)
            : stateMachine.Type == StateMachineType.Express
                ? $"arn:aws:states:{Options.Region}:{Options.AccountId}:express:{stateMachine.Name}:{executionName}:{Guid.NewGuid()}"
                : $"arn:aws:states:{Options.Region}:{Options.AccountId}:execution:{stateMachine.Name}:{executionName}";
        var execution = new Execution(this, stateMachine, arn, executionName, value, testCase, new LockedRandom(_seeds.Next()))
        {
            MapRunArn = mapRun?.Arn,
            HandsActivityToParent = mapRun is not null,
        };
        if (!_executions.TryAdd(arn, execution))
        {
            var existing = _executions[arn];
            if (existing.Status == ExecutionStatus.Running && JsonNode.DeepEquals(existing.Input, value))
            {
                return existing;
            }

            throw new AslApiException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
        }

        var inputError = parsedInput is null && input is not null && Encoding.UTF8.GetByteCount(input) > JsonLimits.MaxPayloadBytes
            ? "The input to the execution has a size exceeding the maximum number of bytes service limit."
            : null;
        Clock.BeginActivity();
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Execution.RunAsync(state.InputError), (Execution: execution, InputError: inputError), preferLocal: false);
        return execution;
    }

    internal void Register(MapRun mapRun) => _mapRuns[mapRun.Arn] = mapRun;

    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > 80 || name.Any(c => char.IsWhiteSpace(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal)))
        {
            throw new AslApiException("InvalidName", $"Invalid Name: '{name}'");
        }
    }
}
