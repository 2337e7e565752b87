using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

/// <summary>
/// Executions restored from their recorded history after a restart: each state type cut mid-way carries on from its
/// last recorded event, records nothing twice, and calls a task again only when its outcome was never recorded.
/// </summary>
public sealed class ResumeTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);
    private readonly ResumeHarness _harness = new();

    private static string TaskMachine(string functionName) => $$"""
        {"StartAt":"First","States":{
          "First":{"Type":"Pass","Result":{"n":1},"Next":"Work"},
          "Work":{"Type":"Task","Resource":"{{ResumeHarness.Lambda}}","Parameters":{"FunctionName":"{{functionName}}"},"ResultPath":"$.work","Next":"Last"},
          "Last":{"Type":"Pass","End":true} } }
        """;

    [Fact]
    public async Task Restore_TaskStartedButNotFinished_CallsItAgainOnceAndRecordsNothingTwice()
    {
        var crashed = _harness.Before.Start(TaskMachine("slow"));
        await Harness.WaitForEventAsync(crashed, HistoryEventType.TaskStarted);

        var restored = _harness.Restart(crashed, ResumeHarness.IdOf(crashed, HistoryEventType.TaskStarted));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, restored.Status);
        Assert.Equal("""{"n":1,"work":{"done":true}}""", Harness.Output(restored));
        Assert.Equal(1, _harness.Calls);
        Assert.Equal(
            "ExecutionStarted,PassStateEntered,PassStateExited,TaskStateEntered,TaskScheduled,TaskStarted,TaskSucceeded,TaskStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded",
            Harness.Types(restored));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<6,8<7,9<8,10<9,11<10", Harness.Links(restored));
    }

    [Fact]
    public async Task Restore_TaskSucceededButStateNotExited_UsesRecordedResultWithoutCallingAgain()
    {
        var finished = await RunToEndAsync(TaskMachine("quick"));

        var restored = _harness.Restart(finished, ResumeHarness.IdOf(finished, HistoryEventType.TaskSucceeded));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(0, _harness.Calls);
        Assert.Equal("""{"n":1,"work":{"first":true}}""", Harness.Output(restored));
        Assert.Equal(Harness.Links(finished), Harness.Links(restored));
    }

    [Fact]
    public async Task Restore_AfterStateExited_StartsTheNextState()
    {
        var finished = await RunToEndAsync(TaskMachine("quick"));

        var restored = _harness.Restart(finished, ResumeHarness.IdOf(finished, HistoryEventType.PassStateExited));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(1, _harness.Calls);
        Assert.Equal(Harness.Types(finished), Harness.Types(restored));
        Assert.Equal(Harness.Links(finished), Harness.Links(restored));
    }

    [Fact]
    public async Task Restore_FinishedExecution_KeepsStatusOutputAndHistoryWithoutRunning()
    {
        var finished = await RunToEndAsync(TaskMachine("quick"));

        var restored = _harness.Restart(finished, finished.History.Count);

        Assert.Equal(ExecutionStatus.Succeeded, restored.Status);
        Assert.Equal(Harness.Output(finished), Harness.Output(restored));
        Assert.Equal(finished.StopDate!.Value.ToUnixTimeMilliseconds(), restored.StopDate!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(finished.History.Snapshot().Select(e => e.ToJson()), restored.History.Snapshot().Select(e => e.ToJson()));
        Assert.Equal(0, _harness.Calls);
    }

    [Fact]
    public async Task Restore_WaitInProgress_EndsAtItsOriginalDeadline()
    {
        const string definition = """{"StartAt":"Sleep","States":{"Sleep":{"Type":"Wait","Seconds":100,"Next":"Done"},"Done":{"Type":"Pass","End":true}}}""";
        var crashed = _harness.Before.Start(definition);
        var entered = await Harness.WaitForEventAsync(crashed, HistoryEventType.WaitStateEntered);

        var restored = _harness.Restart(crashed, entered.Id, entered.Timestamp.AddSeconds(40));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, restored.Status);
        Assert.Equal(entered.Timestamp.AddSeconds(100), Harness.Event(restored, HistoryEventType.WaitStateExited).Timestamp);
        Assert.Equal("ExecutionStarted,WaitStateEntered,WaitStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded", Harness.Types(restored));
    }

    [Fact]
    public async Task Restore_CallbackTaskSubmitted_TokenFromBeforeTheRestartCompletesIt()
    {
        const string definition = $$"""
            {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"{{ResumeHarness.Callback}}",
              "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"} },"End":true} } }
            """;
        var crashed = _harness.Before.Start(definition);
        var submitted = await Harness.WaitForEventAsync(crashed, HistoryEventType.TaskSubmitted);
        var token = ((TaskDetails)submitted.Details!).Output!["token"]!.GetValue<string>();

        var restored = _harness.Restart(crashed, submitted.Id, tokens: token);
        _harness.After.SendTaskSuccess(token, """{"approved":true}""");
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, restored.Status);
        Assert.Equal("""{"approved":true}""", Harness.Output(restored));
        Assert.Equal("ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskSubmitted,TaskSucceeded,TaskStateExited,ExecutionSucceeded", Harness.Types(restored));
    }

    [Fact]
    public async Task Restore_ChoiceWasLastToExit_TakesTheSameBranch()
    {
        const string definition = """
            {"StartAt":"Route","States":{
              "Route":{"Type":"Choice","Choices":[{"Variable":"$.big","BooleanEquals":true,"Next":"Big"}],"Default":"Small"},
              "Big":{"Type":"Pass","Result":"big","End":true},
              "Small":{"Type":"Pass","Result":"small","End":true} } }
            """;
        var finished = await RunToEndAsync(definition, """{"big":true}""");

        var restored = _harness.Restart(finished, ResumeHarness.IdOf(finished, HistoryEventType.ChoiceStateExited));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal("\"big\"", Harness.Output(restored));
        Assert.Equal(Harness.Links(finished), Harness.Links(restored));
    }

    [Fact]
    public async Task Restore_VariablesAssignedBeforeTheRestart_AreReadAfterIt()
    {
        const string definition = """
            {"StartAt":"Keep","States":{
              "Keep":{"Type":"Pass","Assign":{"kept.$":"$.value"},"Next":"Work"},
              "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"slow"},"Next":"Use"},
              "Use":{"Type":"Pass","Parameters":{"kept.$":"$kept"},"End":true} } }
            """;
        var crashed = _harness.Before.Start(definition, """{"value":42}""");
        await Harness.WaitForEventAsync(crashed, HistoryEventType.TaskStarted);

        var restored = _harness.Restart(crashed, ResumeHarness.IdOf(crashed, HistoryEventType.TaskStarted));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal("""{"kept":42}""", Harness.Output(restored));
    }

    [Fact]
    public async Task Restore_MapInProgress_RunsTheMapAgainAsAWhole()
    {
        const string definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","End":true,
              "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"slow"},"End":true} } } } } }
            """;
        var crashed = _harness.Before.Start(definition, """{"items":[1,2]}""");
        await Harness.WaitForEventAsync(crashed, HistoryEventType.TaskStarted);

        var restored = _harness.Restart(crashed, ResumeHarness.IdOf(crashed, HistoryEventType.TaskStarted));
        await restored.Completion.WaitAsync(SafetyNet);

        Assert.Equal(ExecutionStatus.Succeeded, restored.Status);
        Assert.Equal(2, _harness.Calls);
        Assert.Single(restored.History.Snapshot(), e => e.Type == HistoryEventType.MapStateEntered);
        Assert.Equal(Enumerable.Range(1, restored.History.Count).Select(i => (long)i), restored.History.Snapshot().Select(e => e.Id));
    }

    private static async Task<Execution> RunToEndAsync(string definition, string input = "{}")
    {
        var harness = new Harness();
        harness.Tasks.Register(ResumeHarness.Lambda, _ => JsonNode.Parse("""{"first":true}"""));
        return await harness.RunAsync(definition, input);
    }
}
