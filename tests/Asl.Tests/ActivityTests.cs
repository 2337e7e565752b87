using Asl;

namespace Asl.Tests;

/// <summary>Activity Task states through <see cref="ActivityTaskHandler"/> on a hand-moved virtual clock.</summary>
public sealed class ActivityTests
{
    private const string Activity = "arn:aws:states:us-east-1:123456789012:activity:review";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private readonly ActivityTaskHandler _activities = new(new TaskHandlerRegistry());
    private readonly Harness _harness;

    public ActivityTests()
    {
        _harness = new Harness(autoAdvance: false, handler: _activities);
        _activities.Add(Activity);
    }

    private static string Machine(string timing = "\"TimeoutSeconds\":100") =>
        $$"""{"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"{{Activity}}",{{timing}},"Parameters":{"doc.$":"$.doc"},"End":true} } }""";

    [Fact]
    public async Task PollAsync_WorkerTakesTaskAndSucceeds_ActivityEventsLinkedAsAwsRecordsThem()
    {
        var execution = _harness.Start(Machine(), """{"doc":"d-1"}""");

        var task = await _activities.PollAsync(Activity, "worker-1", Poll);
        _harness.Engine.SendTaskSuccess(task!.TaskToken, """{"approved":true}""");
        await execution.Completion.WaitAsync(Poll);

        Assert.Equal("""{"doc":"d-1"}""", task.Input);
        Assert.Equal("ExecutionStarted,TaskStateEntered,ActivityScheduled,ActivityStarted,ActivitySucceeded,TaskStateExited,ExecutionSucceeded", Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<6", Harness.Links(execution));
        Assert.Equal("worker-1", ((ActivityStartedDetails)Harness.Event(execution, HistoryEventType.ActivityStarted).Details!).WorkerName);
        Assert.Equal(100, ((ActivityScheduledDetails)Harness.Event(execution, HistoryEventType.ActivityScheduled).Details!).TimeoutInSeconds);
    }

    [Fact]
    public async Task PollAsync_WorkerWaitingBeforeSchedule_GetsTheTask()
    {
        var polling = _activities.PollAsync(Activity, null, Poll);

        var execution = _harness.Start(Machine(), """{"doc":"d-2"}""");
        var task = await polling;

        Assert.Equal("""{"doc":"d-2"}""", task!.Input);
        Assert.Null(((ActivityStartedDetails)(await Harness.WaitForEventAsync(execution, HistoryEventType.ActivityStarted)).Details!).WorkerName);
    }

    [Fact]
    public async Task SendTaskFailure_FromWorker_ActivityFailedAndExecutionFailsWithWorkerError()
    {
        var execution = _harness.Start(Machine(), """{"doc":"d-3"}""");

        var task = await _activities.PollAsync(Activity, "worker-1", Poll);
        _harness.Engine.SendTaskFailure(task!.TaskToken, "Rejected", "bad document");
        await execution.Completion.WaitAsync(Poll);

        Assert.Equal((ExecutionStatus.Failed, "Rejected", "bad document"), (execution.Status, execution.Error, execution.Cause));
        Assert.EndsWith("ActivityStarted,ActivityFailed,ExecutionFailed", Harness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskHeartbeat_WithinHeartbeatSeconds_KeepsTheActivityAlive()
    {
        var execution = _harness.Start(Machine("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5"), """{"doc":"d-4"}""");
        var task = await _activities.PollAsync(Activity, "worker-1", Poll);
        await Harness.WaitForEventAsync(execution, HistoryEventType.ActivityStarted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(4));
        _harness.Engine.SendTaskHeartbeat(task!.TaskToken);
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(4));
        _harness.Engine.SendTaskSuccess(task.TaskToken, "{}");
        await execution.Completion.WaitAsync(Poll);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task HeartbeatSeconds_MissedByWorker_ActivityTimedOutWithStatesTimeout()
    {
        var execution = _harness.Start(Machine("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5"), """{"doc":"d-5"}""");
        await _activities.PollAsync(Activity, "worker-1", Poll);
        await Harness.WaitForEventAsync(execution, HistoryEventType.ActivityStarted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(5));
        await execution.Completion.WaitAsync(Poll);

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
        Assert.EndsWith("ActivityStarted,ActivityTimedOut,ExecutionFailed", Harness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeoutSeconds_NoWorkerInTime_ActivityTimedOutAndTaskWithdrawn()
    {
        var execution = _harness.Start(Machine("\"TimeoutSeconds\":10"), """{"doc":"d-6"}""");
        await Harness.WaitForEventAsync(execution, HistoryEventType.ActivityScheduled);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        await execution.Completion.WaitAsync(Poll);
        var late = await _activities.PollAsync(Activity, "late-worker", TimeSpan.Zero);

        Assert.Equal("States.Timeout", execution.Error);
        Assert.EndsWith("ActivityScheduled,ActivityTimedOut,ExecutionFailed", Harness.Types(execution), StringComparison.Ordinal);
        Assert.Null(late);
    }

    [Fact]
    public async Task TaskState_UnknownActivity_StatesRuntimeBeforeScheduling()
    {
        _activities.Remove(Activity);

        var execution = await _harness.RunAsync(Machine(), """{"doc":"d-7"}""");

        Assert.Equal("ExecutionStarted,TaskStateEntered,ExecutionFailed", Harness.Types(execution));
        Assert.Equal(("States.Runtime", $"An error occurred while executing the state 'Review' (entered at the event id #2). The activity {Activity} does not exist."), (execution.Error, execution.Cause));
    }
}
