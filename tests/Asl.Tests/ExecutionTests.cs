using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class ExecutionTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task StopExecution_WhileWaiting_AbortsWithEventLinkedToZero()
    {
        var harness = new Harness(autoAdvance: false);
        var execution = harness.Start("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""");
        await Harness.WaitForEventAsync(execution, HistoryEventType.WaitStateEntered);

        var stopped = harness.Engine.StopExecution(execution.Arn, "Stopped", "by test");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(stopped);
        Assert.Equal((ExecutionStatus.Aborted, "Stopped", "by test"), (execution.Status, execution.Error, execution.Cause));
        var aborted = execution.History.Snapshot()[^1];
        Assert.Equal((HistoryEventType.ExecutionAborted, 0L), (aborted.Type, aborted.PreviousEventId));
    }

    [Fact]
    public async Task StopExecution_AfterEnd_ReturnsFalseAndKeepsStatus()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var stopped = _harness.Engine.StopExecution(execution.Arn);

        Assert.Equal((false, ExecutionStatus.Succeeded), (stopped, execution.Status));
    }

    [Fact]
    public void StopExecution_UnknownArn_ThrowsExecutionDoesNotExist()
    {
        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StopExecution("arn:aws:states:us-east-1:123456789012:execution:M:nope"));

        Assert.Equal("ExecutionDoesNotExist", error.Code);
    }

    [Fact]
    public async Task MachineTimeoutSeconds_Elapsed_TimesOutWithExecutionTimedOut()
    {
        var execution = await _harness.RunAsync("""{"TimeoutSeconds":10,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""");

        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (execution.Status, execution.Error));
        Assert.Equal(HistoryEventType.ExecutionTimedOut, execution.History.Snapshot()[^1].Type);
        Assert.Equal(TimeSpan.FromSeconds(10), execution.StopDate - execution.StartDate);
    }

    [Fact]
    public async Task ManyExecutions_RunConcurrentlyOnOneVirtualClock()
    {
        var machine = _harness.Engine.CreateStateMachine("Sleepy", """{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""");

        // Held while starting, so all twenty start at one instant: else the first one's wait may fire before the rest start.
        _harness.Clock.BeginActivity();
        var executions = Enumerable.Range(1, 20).Select(i => _harness.Engine.StartExecution(machine, $$"""{"s":{{i}}}""")).ToList();
        _harness.Clock.EndActivity();
        await Task.WhenAll(executions.Select(e => e.Completion)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(executions, e => Assert.Equal(ExecutionStatus.Succeeded, e.Status));
        Assert.Equal(TimeSpan.FromSeconds(20), _harness.Clock.UtcNow - executions[0].StartDate);
    }

    [Fact]
    public void StartExecution_InvalidJson_ThrowsInvalidExecutionInput()
    {
        var machine = _harness.Engine.CreateStateMachine("M", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StartExecution(machine, "{\"a\":"));

        Assert.Equal("InvalidExecutionInput", error.Code);
        Assert.StartsWith("Invalid State Machine Execution Input: '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartExecution_DeeplyNestedInput_ThrowsInvalidExecutionInput()
    {
        var machine = _harness.Engine.CreateStateMachine("M", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StartExecution(machine, deep));

        Assert.Equal("InvalidExecutionInput", error.Code);
    }

    [Fact]
    public async Task StartExecution_InputOver256KiB_FailsWithDataLimitExceeded()
    {
        var big = "[" + string.Join(",", Enumerable.Repeat("\"0123456789\"", 30_000)) + "]";

        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", big);

        Assert.Equal((ExecutionStatus.Failed, "States.DataLimitExceeded"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task StartExecution_HostileStrings_RoundTripUnchanged()
    {
        const string Input = """{"s":"\u0000\u202e'\"<script>{{}}$.x \\ \ud83d\ude00"}""";

        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"copy.$":"$.s"},"End":true}}}""", Input);

        Assert.Equal(JsonNode.Parse(Input)!["s"]!.GetValue<string>(), execution.Output!["copy"]!.GetValue<string>());
    }

    [Fact]
    public void StartExecution_LoneSurrogate_ThrowsInvalidExecutionInput()
    {
        var machine = _harness.Engine.CreateStateMachine("M", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StartExecution(machine, """{"s":"\ud800"}"""));

        Assert.Equal("InvalidExecutionInput", error.Code);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("")]
    public void StartExecution_InvalidName_ThrowsInvalidName(string name)
    {
        var machine = _harness.Engine.CreateStateMachine("M", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StartExecution(machine, name: name));

        Assert.Equal("InvalidName", error.Code);
    }

    [Fact]
    public async Task StartExecution_SameNameAfterEnd_ThrowsExecutionAlreadyExists()
    {
        var machine = _harness.Engine.CreateStateMachine("M", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        await _harness.Engine.StartExecution(machine, name: "once").Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.StartExecution(machine, name: "once"));

        Assert.Equal("ExecutionAlreadyExists", error.Code);
    }

    [Fact]
    public void CreateStateMachine_InvalidDefinition_ThrowsAwsMessage()
    {
        var error = Assert.Throws<InvalidDefinitionException>(() => _harness.Engine.CreateStateMachine("M", """{"StartAt":"Nowhere","States":{}}"""));

        Assert.StartsWith("Invalid State Machine Definition: '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitTestCase_SeparatesMachineArnAndCase()
    {
        var split = AslEngine.SplitTestCase("arn:aws:states:us-east-1:123456789012:stateMachine:Saga#HappyPath");

        Assert.Equal(("arn:aws:states:us-east-1:123456789012:stateMachine:Saga", "HappyPath"), split);
    }

    [Fact]
    public async Task Execution_ArnAndContext_FollowAwsShapes()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","start.$":"$$.Execution.StartTime","redrive.$":"$$.Execution.RedriveCount"},"End":true}}}""");

        Assert.Equal($"arn:aws:states:us-east-1:123456789012:execution:Machine:{execution.Name}", execution.Arn);
        Assert.Equal($$"""{"id":"{{execution.Arn}}","start":"2024-01-01T00:00:00.000Z","redrive":0}""", Harness.Output(execution));
    }

    [Fact]
    public async Task UnregisteredTaskResource_FailsNamingTheResource()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""");

        Assert.Equal("States.Runtime", execution.Error);
        Assert.Contains("arn:aws:states:::sns:publish", execution.Cause, StringComparison.Ordinal);
    }
}
