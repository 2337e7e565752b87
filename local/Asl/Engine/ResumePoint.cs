using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Where an execution carries on after a restart or a redrive, read from its history: the top-level state to run
/// (with its input), the event its first new event links to, the workflow variables assigned so far, and the
/// events the state had already recorded (handed back, not recorded again, when it re-runs after a restart).
/// </summary>
internal sealed class ResumePoint
{
    private ResumePoint(VariableScope scope, JsonNode? input, long lastEventId)
    {
        Scope = scope;
        Input = input;
        LastEventId = lastEventId;
    }

    /// <summary>The state to re-run, or null when the history ends after the last state (Input is then the output).</summary>
    public StateNode? State { get; private init; }

    public JsonNode? Input { get; }

    public long LastEventId { get; }

    public VariableScope Scope { get; }

    /// <summary>Events the re-run state hands back instead of recording (empty for a redrive).</summary>
    public IReadOnlyList<HistoryEvent> Replay { get; private init; } = [];

    /// <summary>When the re-run state is a Wait: when it was first entered.</summary>
    public DateTimeOffset? WaitEntered { get; private init; }

    /// <summary>Task calls already made per state before the resume point (the MockConfigFile call index).</summary>
    public IReadOnlyDictionary<string, int> Invocations { get; private init; } = new Dictionary<string, int>();

    /// <summary>
    /// Where a running execution resumes after a restart: the top-level state entered but not exited is re-run with
    /// its recorded events handed back (a Map or Parallel state is re-run as a whole after its entered event). When
    /// every entered state has exited, the next one starts (a Choice is re-evaluated from its replayed events).
    /// </summary>
    public static ResumePoint AfterRestart(StateMachine machine, IReadOnlyList<HistoryEvent> events)
    {
        var scan = Scan(events);
        if (scan.Current is { } current)
        {
            var state = machine.Root.States[Name(current)];
            var replay = state is MapState or ParallelState ? [current] : events.Skip(scan.CurrentIndex).ToList();
            return new ResumePoint(scan.Scope, Data(current, "input"), current.PreviousEventId)
            {
                State = state,
                Replay = replay,
                WaitEntered = state is WaitState ? current.Timestamp : null,
                Invocations = scan.Invocations,
            };
        }

        if (scan.LastExit is { } exit)
        {
            var exited = machine.Root.States[Name(exit)];
            if (exited is ChoiceState)
            {
                // A Choice records no decision: evaluate it again on its input, with its own events handed back.
                var entered = scan.LastExitEntered!;
                return new ResumePoint(scan.ScopeBeforeLastExit, Data(entered, "input"), entered.PreviousEventId)
                {
                    State = exited,
                    Replay = [.. events.Where(e => e.Id >= entered.Id && e.Id <= exit.Id)],
                    Invocations = scan.Invocations,
                };
            }

            return new ResumePoint(scan.Scope, Data(exit, "output"), exit.Id) { State = exited.Next, Invocations = scan.Invocations };
        }

        return new ResumePoint(scan.Scope, Data(events[0], "input"), 0) { State = machine.Root.Start };
    }

    /// <summary>
    /// Where a redrive starts: the top-level state that failed, timed out or was aborted, re-run from scratch on its
    /// original input (a Map or Parallel as a whole). Null when the execution ended before its first state.
    /// </summary>
    public static ResumePoint? ForRedrive(StateMachine machine, IReadOnlyList<HistoryEvent> events, long redrivenEventId)
    {
        var scan = Scan(events);
        var failed = scan.Current ?? scan.RedriveTarget;
        if (failed is not null)
        {
            return new ResumePoint(scan.Scope, Data(failed, "input"), redrivenEventId)
            {
                State = machine.Root.States[Name(failed)],
                Invocations = scan.Invocations,
            };
        }

        return scan.LastExit is { } exit && machine.Root.States[Name(exit)].Next is { } next
            ? new ResumePoint(scan.Scope, Data(exit, "output"), redrivenEventId) { State = next, Invocations = scan.Invocations }
            : null;
    }

    private static Scanned Scan(IReadOnlyList<HistoryEvent> events)
    {
        var scan = new Scanned();
        HistoryEvent? pendingExit = null;
        string? lastTask = null;
        var invocations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (IsEntered(e.Type))
            {
                lastTask = e.Type == HistoryEventType.TaskStateEntered ? Name(e) : lastTask;
                if (scan.Current is null)
                {
                    scan.Current = e;
                    scan.CurrentIndex = i;
                    scan.RedriveTarget = null;
                }
            }
            else if (e.Type is HistoryEventType.TaskScheduled or HistoryEventType.LambdaFunctionScheduled && lastTask is not null)
            {
                invocations[lastTask] = invocations.GetValueOrDefault(lastTask) + 1;
            }
            else if (e.Type == HistoryEventType.ExecutionRedriven)
            {
                scan.RedriveTarget = scan.Current ?? scan.RedriveTarget;
                scan.Current = null;
            }
            else if (scan.Current is { } current && IsExited(e.Type) && Name(e) == Name(current))
            {
                if (pendingExit is not null)
                {
                    Assign(scan.Scope, pendingExit);
                }

                pendingExit = e;
                scan.LastExit = e;
                scan.LastExitEntered = current;
                scan.Current = null;
            }
        }

        scan.ScopeBeforeLastExit = Copy(scan.Scope);
        if (pendingExit is not null)
        {
            Assign(scan.Scope, pendingExit);
        }

        // Calls made by the state that is re-run are counted again as it replays them.
        scan.Invocations = scan.Current is { } running ? Count(events, running.Id) : invocations;
        return scan;
    }

    private static Dictionary<string, int> Count(IReadOnlyList<HistoryEvent> events, long beforeId)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastTask = null;
        foreach (var e in events.TakeWhile(e => e.Id < beforeId))
        {
            if (e.Type == HistoryEventType.TaskStateEntered)
            {
                lastTask = Name(e);
            }
            else if (e.Type is HistoryEventType.TaskScheduled or HistoryEventType.LambdaFunctionScheduled && lastTask is not null)
            {
                counts[lastTask] = counts.GetValueOrDefault(lastTask) + 1;
            }
        }

        return counts;
    }

    private static VariableScope Copy(VariableScope scope)
    {
        var copy = new VariableScope(null);
        var values = scope.Visible().ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        copy.Assign(values, values.ToDictionary(p => p.Key, p => JsonLimits.Measure(p.Value), StringComparer.Ordinal));
        return copy;
    }

    private static void Assign(VariableScope scope, HistoryEvent exited)
    {
        if (exited.Details is RecordedDetails recorded && recorded.Has("assignedVariables"))
        {
            var values = recorded.DataMap("assignedVariables");
            scope.Assign(values, values.ToDictionary(p => p.Key, p => JsonLimits.Measure(p.Value), StringComparer.Ordinal));
        }
        else if (exited.Details is StateExitedDetails { AssignedVariables: { } assigned })
        {
            scope.Assign(assigned, assigned.ToDictionary(p => p.Key, p => JsonLimits.Measure(p.Value), StringComparer.Ordinal));
        }
    }

    private static bool IsEntered(HistoryEventType type) => type.ToString().EndsWith("StateEntered", StringComparison.Ordinal);

    private static bool IsExited(HistoryEventType type) => type.ToString().EndsWith("StateExited", StringComparison.Ordinal);

    private static string Name(HistoryEvent e) => e.Details switch
    {
        RecordedDetails recorded => recorded.Text("name") ?? string.Empty,
        StateEnteredDetails entered => entered.Name,
        StateExitedDetails exited => exited.Name,
        _ => string.Empty,
    };

    private static JsonNode? Data(HistoryEvent e, string member) => e.Details switch
    {
        RecordedDetails recorded => recorded.Data(member),
        StateEnteredDetails entered => entered.Input?.DeepClone(),
        StateExitedDetails exited => exited.Output?.DeepClone(),
        ExecutionStartedDetails started => started.Input?.DeepClone(),
        _ => null,
    };

    private sealed class Scanned
    {
        public VariableScope Scope { get; } = new(null);

        public VariableScope ScopeBeforeLastExit { get; set; } = new(null);

        public HistoryEvent? Current { get; set; }

        public int CurrentIndex { get; set; }

        public HistoryEvent? LastExit { get; set; }

        public HistoryEvent? LastExitEntered { get; set; }

        public HistoryEvent? RedriveTarget { get; set; }

        public IReadOnlyDictionary<string, int> Invocations { get; set; } = new Dictionary<string, int>();
    }
}
