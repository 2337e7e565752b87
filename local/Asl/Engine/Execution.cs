using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// One execution: status, output or error, dates, and its history. Completes asynchronously; await
/// <see cref="Completion"/> for the end. Stop it with <see cref="AslEngine.StopExecution"/>.
/// </summary>
public sealed class Execution
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _cancellation = new();
    private TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Queue<HistoryEvent>? _replay;
    private readonly Dictionary<string, int> _invocations = new(StringComparer.Ordinal);
    private volatile bool _closed;

    // The UTC ticks of the latest clock reading any event took (0: none yet), shared by back-to-back events.
    private long _lastReading;

    internal Execution(AslEngine engine, StateMachine stateMachine, string arn, string name, JsonNode? input, string? testCase, Random random, DateTimeOffset? startDate = null)
    {
        Engine = engine;
        StateMachine = stateMachine;
        Arn = arn;
        Name = name;
        Input = input;
        TestCase = testCase;
        Random = random;
        StartDate = startDate ?? engine.Clock.UtcNow;
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

    /// <summary>How many times the execution has been redriven.</summary>
    public int RedriveCount { get; private set; }

    /// <summary>When it was last redriven, if ever.</summary>
    public DateTimeOffset? RedriveDate { get; private set; }

    public ExecutionHistory History { get; } = new();

    /// <summary>Completes when the execution has ended, in any status.</summary>
    public Task Completion => _completion.Task;

    internal AslEngine Engine { get; }

    /// <summary>A Map Run child: its clock activity passes to the awaiting parent when it ends.</summary>
    internal bool HandsActivityToParent { get; init; }

    internal Random Random { get; }

    internal CancellationToken Token => _cancellation.Token;

    /// <summary>Where this execution is written as it runs; null when it is not durable.</summary>
    internal IExecutionJournal? Journal { get; set; }

    /// <summary>While a resumed state re-runs: the events it already recorded, handed back instead of recorded again.</summary>
    internal bool IsReplaying => _replay is not null;

    /// <summary>While a resumed Wait re-runs: a clock that keeps the Wait's original deadline.</summary>
    internal IClock? ResumeClock { get; set; }

    /// <summary>The task tokens handed out before a restart, oldest first.</summary>
    internal IReadOnlyList<string> IssuedTokens { get; set; } = [];

    internal void BeginReplay(IEnumerable<HistoryEvent> recorded)
    {
        lock (_gate)
        {
            _replay = new Queue<HistoryEvent>(recorded);
            if (_replay.Count == 0)
            {
                _replay = null;
            }
        }
    }

    /// <summary>The next recorded event a replaying state will meet, or null.</summary>
    internal HistoryEvent? PeekReplay(int skip = 0)
    {
        lock (_gate)
        {
            return _replay is { } replay && replay.Count > skip ? replay.ElementAt(skip) : null;
        }
    }

    /// <summary>
    /// Hands back the recorded event when a replaying state records the type that comes next; at the first
    /// difference the replay ends and everything from there on is recorded anew.
    /// </summary>
    internal bool TryReplay(HistoryEventType type, out HistoryEvent recorded)
    {
        lock (_gate)
        {
            if (_replay is { } replay && replay.TryPeek(out var next) && next.Type == type)
            {
                recorded = replay.Dequeue();
                if (replay.Count == 0)
                {
                    _replay = null;
                }

                return true;
            }

            _replay = null;
            recorded = null!;
            return false;
        }
    }

    internal void EndReplay()
    {
        lock (_gate)
        {
            _replay = null;
        }

        ResumeClock = null;
    }

    internal void SeedInvocations(IReadOnlyDictionary<string, int> counts)
    {
        lock (_gate)
        {
            foreach (var (state, count) in counts)
            {
                _invocations[state] = count;
            }
        }
    }

    internal int NextInvocationIndex(string stateName)
    {
        lock (_gate)
        {
            _invocations.TryGetValue(stateName, out var index);
            _invocations[stateName] = index + 1;
            return index;
        }
    }

    /// <summary>
    /// Records an event. With <paramref name="sameMoment"/> it takes the execution's latest clock reading instead of a
    /// new one: for an event that follows another of the same visit with nothing done or awaited in between (an
    /// instant state's Exited, a Map iteration's bookends), where AWS's timestamps are equal too.
    /// </summary>
    internal HistoryEvent Record(HistoryEventType type, long previousEventId, HistoryEventDetails? details, bool sameMoment = false)
    {
        var now = sameMoment && Volatile.Read(ref _lastReading) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : ReadClock();
        return _closed ? new HistoryEvent(0, previousEventId, now, type, details) : History.Append(type, previousEventId, now, details);
    }

    private DateTimeOffset ReadClock()
    {
        var now = Engine.Clock.UtcNow;

        // Only ever forward: a branch that read the clock earlier but stores later must not hand an older time to an
        // Exited whose Entered already took a newer one.
        var ticks = now.UtcTicks;
        var latest = Volatile.Read(ref _lastReading);
        while (ticks > latest)
        {
            var seen = Interlocked.CompareExchange(ref _lastReading, ticks, latest);
            if (seen == latest)
            {
                break;
            }

            latest = seen;
        }

        return now;
    }

    /// <summary>Runs the execution from its start, or from <paramref name="resume"/> after a restart or a redrive.</summary>
    internal async Task RunAsync(string? inputError, ResumePoint? resume = null)
    {
        var clock = Engine.Clock;
        var frame = new Frame(this, resume?.Scope ?? new VariableScope(null), Token, resume?.LastEventId ?? 0);
        IDisposable? timeout = null;
        try
        {
            if (resume is null)
            {
                History.Append(HistoryEventType.ExecutionStarted, 0, StartDate, new ExecutionStartedDetails(Input, StateMachine.RoleArn));
            }

            if (StateMachine.TimeoutSeconds is { } seconds)
            {
                // A resumed execution keeps its deadline; a redriven one gets a whole new timeout, counted from the redrive.
                var due = TimeSpan.FromSeconds(seconds) - (clock.UtcNow - (RedriveDate ?? StartDate));
                timeout = clock.Schedule(due > TimeSpan.Zero ? due : TimeSpan.Zero, () => Close(ExecutionStatus.TimedOut, null, ErrorNames.Timeout, null, 0));
            }

            if (inputError is not null)
            {
                throw StatesErrorException.Terminal(ErrorNames.DataLimitExceeded, inputError);
            }

            var output = resume is null ? await frame.RunAsync(StateMachine.Root, Input).ConfigureAwait(false)
                : resume.State is { } state ? await frame.ResumeAsync(state, resume.Input).ConfigureAwait(false)
                : resume.Input;
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
            Journal?.Close(this);
            if (!HandsActivityToParent)
            {
                clock.EndActivity();
            }

            _completion.TrySetResult();
        }
    }

    /// <summary>Puts back the end of an execution that had finished before a restart.</summary>
    internal void RestoreEnd(ExecutionStatus status, JsonNode? output, string? error, string? cause, DateTimeOffset stopDate)
    {
        lock (_gate)
        {
            _closed = true;
            Status = status;
            Output = output;
            Error = error;
            Cause = cause;
            StopDate = stopDate;
        }

        _completion.TrySetResult();
    }

    /// <summary>Puts back how often and when the execution was redriven before a restart.</summary>
    internal void RestoreRedrives(int count, DateTimeOffset? lastDate)
    {
        RedriveCount = count;
        RedriveDate = lastDate;
    }

    /// <summary>Opens an ended execution again for a redrive and records ExecutionRedriven; false if it is not closed.</summary>
    internal bool Reopen()
    {
        lock (_gate)
        {
            if (!_closed || !_completion.Task.IsCompleted)
            {
                return false;
            }

            var now = Engine.Clock.UtcNow;
            StopDate = null;
            Status = ExecutionStatus.Running;
            Output = null;
            Error = null;
            Cause = null;
            RedriveCount++;
            RedriveDate = now;
            _cancellation = new CancellationTokenSource();
            _completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _closed = false;
            History.Append(HistoryEventType.ExecutionRedriven, History.Count, now, new ExecutionRedrivenDetails(RedriveCount));
            return true;
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
