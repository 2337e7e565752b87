using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

/// <summary>RedriveExecution in the engine: which executions may be redriven, and what a redrive runs again.</summary>
public sealed class ResumeRedriveTests
{
    private const string Definition = """
        {"StartAt":"First","States":{
          "First":{"Type":"Pass","Result":{"n":1},"Next":"Work"},
          "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"ResultPath":"$.work","Next":"Last"},
          "Last":{"Type":"Pass","End":true} } }
        """;

    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);
    private readonly Harness _harness = new();
    private int _calls;

    public ResumeRedriveTests() =>
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ =>
            Interlocked.Increment(ref _calls) == 1 ? throw new StatesErrorException("Boom", "first call fails") : JsonNode.Parse("""{"ok":true}"""));

    [Fact]
    public async Task RedriveExecutionAsync_FailedTask_RunsOnlyTheFailedStateAgain()
    {
        var execution = await _harness.RunAsync(Definition);

        await _harness.Engine.RedriveExecutionAsync(execution.Arn);
        await execution.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("""{"n":1,"work":{"ok":true}}""", Harness.Output(execution));
        Assert.Equal(1, execution.RedriveCount);
        Assert.Equal(
            "ExecutionStarted,PassStateEntered,PassStateExited,TaskStateEntered,TaskScheduled,TaskStarted,TaskFailed,ExecutionFailed,"
            + "ExecutionRedriven,TaskStateEntered,TaskScheduled,TaskStarted,TaskSucceeded,TaskStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Contains("\"executionRedrivenEventDetails\":{\"redriveCount\":1}", Harness.Event(execution, HistoryEventType.ExecutionRedriven).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecutionAsync_Succeeded_ThrowsExecutionNotRedrivable()
    {
        _calls = 1;
        var execution = await _harness.RunAsync(Definition);

        var error = await Assert.ThrowsAsync<AslApiException>(() => _harness.Engine.RedriveExecutionAsync(execution.Arn));

        Assert.Equal("ExecutionNotRedrivable", error.Code);
        Assert.Contains("Execution is SUCCEEDED and cannot be redriven.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecutionAsync_FailedBeforeFirstState_ThrowsExecutionNotRedrivable()
    {
        var execution = await _harness.RunAsync(Definition, $$"""{"big":"{{new string('x', 300_000)}}"}""");

        var error = await Assert.ThrowsAsync<AslApiException>(() => _harness.Engine.RedriveExecutionAsync(execution.Arn));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("ExecutionNotRedrivable", error.Code);
        Assert.Contains("before entering its first state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecutionAsync_StoppedDuringWait_WaitsAgainAndSucceeds()
    {
        var harness = new Harness(autoAdvance: false);
        var execution = harness.Start("""{"StartAt":"Sleep","States":{"Sleep":{"Type":"Wait","Seconds":10,"End":true}}}""");
        await Harness.WaitForEventAsync(execution, HistoryEventType.WaitStateEntered);
        harness.Engine.StopExecution(execution.Arn);
        await execution.Completion.WaitAsync(SafetyNet);

        var waitingAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = execution.History.Subscribe(e =>
        {
            if (e.Type == HistoryEventType.WaitStateEntered && e.PreviousEventId > 1)
            {
                waitingAgain.TrySetResult();
            }
        });

        await harness.Engine.RedriveExecutionAsync(execution.Arn);
        await waitingAgain.Task.WaitAsync(SafetyNet);
        await harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        await execution.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("ExecutionStarted,WaitStateEntered,ExecutionAborted,ExecutionRedriven,WaitStateEntered,WaitStateExited,ExecutionSucceeded", Harness.Types(execution));
    }
}
