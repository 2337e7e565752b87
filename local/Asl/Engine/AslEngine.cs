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
    private const string FailedBeforeFirstState = "Execution failed before entering its first state.";
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MapRun> _mapRuns = new(StringComparer.Ordinal);
    private readonly Random _seeds;
    private IExecutionJournal? _journal;
    private ITaskHandler _taskHandler;

    public AslEngine(AslEngineOptions? options = null)
    {
        Options = options ?? new AslEngineOptions();
        _seeds = new LockedRandom(Options.RandomSeed ?? Random.Shared.Next());
        _taskHandler = Options.TaskHandler;
    }

    public AslEngineOptions Options { get; }

    public IClock Clock => Options.Clock;

    internal ITaskHandler TaskHandler => _taskHandler;

    /// <summary>
    /// Where STANDARD executions are written as they run (null: memory only, at no cost). Set it before the first
    /// execution starts.
    /// </summary>
    public IExecutionJournal? Journal
    {
        get => _journal;
        set
        {
            _journal = value;
            if (value is not null)
            {
                UseDurableTaskHandler();
            }
        }
    }

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
        if (_journal is { } journal && mapRun is null && stateMachine.Type == StateMachineType.Standard)
        {
            execution.Journal = journal;
            journal.Open(execution);
        }

        Clock.BeginActivity();
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Execution.RunAsync(state.InputError), (Execution: execution, InputError: inputError), preferLocal: false);
        return execution;
    }

    /// <summary>
    /// Puts back an execution read from disk after a restart. One that had ended keeps its status and history; a
    /// RUNNING one carries on from its last recorded event (see <see cref="ResumePoint"/>), written on to the journal.
    /// </summary>
    public Execution Restore(StateMachine stateMachine, StoredExecution stored)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        ArgumentNullException.ThrowIfNull(stored);
        UseDurableTaskHandler();
        var input = stored.Input is null ? null : ParseInput(stored.Input);
        var execution = new Execution(this, stateMachine, stored.Arn, stored.Name, input, stored.TestCase, new LockedRandom(_seeds.Next()), stored.StartDate)
        {
            IssuedTokens = stored.Tokens,
        };
        execution.History.Restore(stored.Events);
        var redrives = stored.Events.Where(e => e.Type == HistoryEventType.ExecutionRedriven).ToList();
        execution.RestoreRedrives(redrives.Count, redrives.Count > 0 ? redrives[^1].Timestamp : null);
        if (!_executions.TryAdd(stored.Arn, execution))
        {
            throw new AslApiException("ExecutionAlreadyExists", $"Execution Already Exists: '{stored.Arn}'");
        }

        if (stored.Events.Count > 0 && End(stored.Events[^1]) is { } end)
        {
            foreach (var token in stored.Tokens)
            {
                Tokens.RememberClosed(token);
            }

            execution.RestoreEnd(end.Status, end.Output, end.Error, end.Cause, stored.Events[^1].Timestamp);
            return execution;
        }

        ResumePoint? resume = null;
        if (stored.Events.Count > 0)
        {
            resume = ResumePoint.AfterRestart(stateMachine, stored.Events);
            execution.BeginReplay(resume.Replay);
            if (resume.Replay.Count > 0 && resume.Replay[^1].Type == HistoryEventType.TaskSubmitted && stored.Tokens.Count > 0)
            {
                // The callback task re-runs on another thread: a callback arriving before it waits again is kept.
                Tokens.Reserve(stored.Tokens[^1]);
            }

            execution.SeedInvocations(resume.Invocations);
            if (resume.WaitEntered is { } entered)
            {
                execution.ResumeClock = new ResumedWaitClock(Clock, entered);
            }
        }

        Run(execution, resume);
        return execution;
    }

    /// <summary>
    /// Redrives a FAILED, TIMED_OUT or ABORTED STANDARD execution: records ExecutionRedriven and re-runs the state
    /// that did not finish on its original input (a Map or Parallel state as a whole). Throws ExecutionNotRedrivable
    /// with the reason otherwise.
    /// </summary>
    public async Task<Execution> RedriveExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var execution = FindExecution(executionArn)
            ?? throw new AslApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");
        if (RedriveRefusal(execution) is { } reason)
        {
            throw new AslApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' cannot be redriven: {reason}");
        }

        // A stop may still be unwinding the execution's last state; the redrive starts once it has.
        await execution.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        var events = execution.History.Snapshot();
        if (ResumePoint.ForRedrive(execution.StateMachine, events, events.Count + 1) is not { } resume)
        {
            throw new AslApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' cannot be redriven: {FailedBeforeFirstState}");
        }

        execution.Journal?.Open(execution);
        if (!execution.Reopen())
        {
            throw new AslApiException("ExecutionNotRedrivable", $"Execution '{executionArn}' cannot be redriven: Execution is RUNNING and cannot be redriven.");
        }

        execution.SeedInvocations(resume.Invocations);
        Run(execution, resume);
        return execution;
    }

    /// <summary>Why an execution cannot be redriven now, or null when it can (AWS's rules: status, type, 14 days).</summary>
    public string? RedriveRefusal(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var stopDate = execution.StopDate;
        if (execution.StateMachine.Type == StateMachineType.Express || execution.MapRunArn is not null)
        {
            return "Redrive is only supported for STANDARD executions";
        }

        if (stopDate is null || execution.Status == ExecutionStatus.Succeeded)
        {
            return $"Execution is {(stopDate is null ? "RUNNING" : "SUCCEEDED")} and cannot be redriven.";
        }

        if (Clock.UtcNow - stopDate.Value > TimeSpan.FromDays(14))
        {
            return "Execution redrivable period exceeded.";
        }

        return execution.History.Snapshot().Any(e => e.Details is StateEnteredDetails || (e.Details is RecordedDetails && e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal)))
            ? null
            : FailedBeforeFirstState;
    }

    /// <summary>Tasks go through <see cref="DurableTaskHandler"/> once anything can replay or journal; before that, straight to the handler.</summary>
    private void UseDurableTaskHandler()
    {
        if (_taskHandler is not DurableTaskHandler)
        {
            _taskHandler = new DurableTaskHandler(this, Options.TaskHandler);
        }
    }

    private void Run(Execution execution, ResumePoint? resume)
    {
        if (_journal is { } journal && execution.Journal is null)
        {
            execution.Journal = journal;
            journal.Open(execution);
        }

        Clock.BeginActivity();
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Execution.RunAsync(null, state.Resume), (Execution: execution, Resume: resume), preferLocal: false);
    }

    private static (ExecutionStatus Status, JsonNode? Output, string? Error, string? Cause)? End(HistoryEvent last)
    {
        var details = last.Details as RecordedDetails;
        return last.Type switch
        {
            HistoryEventType.ExecutionSucceeded => (ExecutionStatus.Succeeded, details?.Data("output"), null, null),
            HistoryEventType.ExecutionFailed => (ExecutionStatus.Failed, null, details?.Text("error"), details?.Text("cause")),
            HistoryEventType.ExecutionTimedOut => (ExecutionStatus.TimedOut, null, details?.Text("error"), details?.Text("cause")),
            HistoryEventType.ExecutionAborted => (ExecutionStatus.Aborted, null, details?.Text("error"), details?.Text("cause")),
            _ => null,
        };
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
