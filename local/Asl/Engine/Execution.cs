using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// One execution: status, output or error, dates, and its history. Completes asynchronously; await
/// <see cref="Completion"/> for the end. Stop it with <see cref="AslEngine.StopExecution"/>.
/// </summary>
public sealed class Execution
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, int> _invocations = new(StringComparer.Ordinal);
    private volatile bool _closed;

    internal Execution(AslEngine engine, StateMachine stateMachine, string arn, string name, JsonNode? input, string? testCase, Random random)
    {
        Engine = engine;
        StateMachine = stateMachine;
        Arn = arn;
        Name = name;
        Input = input;
        TestCase = testCase;
        Random = random;
        StartDate = engine.Clock.UtcNow;
    }

    public string Arn { get; }

    public string Name { get; }

    public StateMachine StateMachine { get; }

    /// <summary>The execution input.</summary>
    public JsonNode? Input { get; }

    /// <summary>The MockConfigFile test case selected with <c>#TestCase</c>, if any.</summary>
    public string? TestCase { get; }

    /// <summary>The Map Run this execution is a child of, if any.</summary>
    public string? MapRunArn { get; init; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    /// <summary>The output, when <see cref="Status"/> is Succeeded.</summary>
    public JsonNode? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public DateTimeOffset StartDate { get; }

    public DateTimeOffset? StopDate { get; private set; }

    public ExecutionHistory History { get; } = new();

    /// <summary>Completes when the execution has ended, in any status.</summary>
    public Task Completion => _completion.Task;

    internal AslEngine Engine { get; }

    /// <summary>A Map Run child: its clock activity passes to the awaiting parent when it ends.</summary>
    internal bool HandsActivityToParent { get; init; }

    internal Random Random { get; }

    internal CancellationToken Token => _cancellation.Token;

    internal int NextInvocationIndex(string stateName)
    {
        lock (_gate)
        {
            _invocations.TryGetValue(stateName, out var index);
            _invocations[stateName] = index + 1;
            return index;
        }
    }

    internal HistoryEvent Record(HistoryEventType type, long previousEventId, HistoryEventDetails? details)
    {
        var now = Engine.Clock.UtcNow;
        return _closed ? new HistoryEvent(0, previousEventId, now, type, details) : History.Append(type, previousEventId, now, details);
    }

    internal async Task RunAsync(string? inputError)
    {
        var clock = Engine.Clock;
        var frame = new Frame(this, new VariableScope(null), Token, 0);
        IDisposable? timeout = null;
        try
        {
            History.Append(HistoryEventType.ExecutionStarted, 0, StartDate, new ExecutionStartedDetails(Input, StateMachine.RoleArn));
            if (StateMachine.TimeoutSeconds is { } seconds)
            {
                timeout = clock.Schedule(TimeSpan.FromSeconds(seconds), () => Close(ExecutionStatus.TimedOut, null, ErrorNames.Timeout, null, 0));
            }

            if (inputError is not null)
            {
                throw StatesErrorException.Terminal(ErrorNames.DataLimitExceeded, inputError);
            }

            var output = await frame.RunAsync(StateMachine.Root, Input).ConfigureAwait(false);
            if (JsonLimits.Exceeds(output))
            {
                throw StatesErrorException.Terminal(
                    ErrorNames.DataLimitExceeded,
                    "The state/task returned a result with a size exceeding the maximum number of bytes service limit.");
            }

            Close(ExecutionStatus.Succeeded, output, null, null, frame.LastEventId);
        }
        catch (StatesErrorException e)
        {
            Close(ExecutionStatus.Failed, null, e.Error, e.Cause, frame.LastEventId);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            Close(ExecutionStatus.Aborted, null, null, null, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OperationCanceledException or IOException or NotSupportedException)
        {
            // A fault in the engine or a handler must end the execution visibly, never leave it running forever.
            Close(ExecutionStatus.Failed, null, ErrorNames.Runtime, $"Internal error: {e.GetType().Name}: {e.Message}", frame.LastEventId);
        }
        finally
        {
            timeout?.Dispose();
            if (!HandsActivityToParent)
            {
                clock.EndActivity();
            }

            _completion.TrySetResult();
        }
    }

    /// <summary>Ends the execution once: the first close wins; later ones (e.g. a stop racing the end) do nothing.</summary>
    internal bool Close(ExecutionStatus status, JsonNode? output, string? error, string? cause, long previousEventId)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            var now = Engine.Clock.UtcNow;
            var (type, details) = status switch
            {
                ExecutionStatus.Succeeded => (HistoryEventType.ExecutionSucceeded, (HistoryEventDetails)new OutputDetails(output)),
                ExecutionStatus.Failed => (HistoryEventType.ExecutionFailed, new ErrorDetails(string.IsNullOrEmpty(error) ? null : error, cause)),
                ExecutionStatus.TimedOut => (HistoryEventType.ExecutionTimedOut, new ErrorDetails(error, cause)),
                _ => (HistoryEventType.ExecutionAborted, new ErrorDetails(error, cause)),
            };
            History.Append(type, status is ExecutionStatus.TimedOut ? History.Count : previousEventId, now, details);
            _closed = true;
            Status = status;
            Output = output;
            Error = error;
            Cause = cause;
            StopDate = now;
        }

        if (status is ExecutionStatus.Aborted or ExecutionStatus.TimedOut)
        {
            _cancellation.Cancel();
        }

        return true;
    }
}
