using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class TimeoutCallbackTests
{
    private const string Callback = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    private readonly Harness _harness = new();
    private readonly TaskCompletionSource<string> _token = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeoutCallbackTests()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", (_, cancellationToken) => new ValueTask<JsonNode?>(Never(cancellationToken)));
        _harness.Tasks.Register(Callback, invocation =>
        {
            _token.TrySetResult(invocation.Parameters!["MessageBody"]!["token"]!.GetValue<string>());
            return JsonNode.Parse("""{"MessageId":"m-1"}""");
        });
    }

    private static async Task<JsonNode?> Never(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }

    private static string Slow(string timing) =>
        $$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",{{timing}},"End":true} } }""";

    private static string WaitForToken(string extra = "\"TimeoutSeconds\":100") => $$"""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"{{Callback}}",{{extra}},
               "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"} },
               "Catch":[{"ErrorEquals":["Rejected"],"ResultPath":"$.error","Next":"Rejected"}],"End":true},
          "Rejected":{"Type":"Pass","End":true} } }
        """;

    [Fact]
    public async Task TimeoutSeconds_Elapsed_FailsWithStatesTimeoutAndTaskTimedOut()
    {
        var execution = _harness.Start(Slow("\"TimeoutSeconds\":10"));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskStarted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
        Assert.Contains("TaskTimedOut,ExecutionFailed", Harness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeoutSecondsPath_ReadsTimeoutFromInput()
    {
        var execution = _harness.Start(Slow("\"TimeoutSecondsPath\":\"$.t\""), """{"t":3}""");
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskStarted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(3));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(3, ((TaskScheduledDetails)Harness.Event(execution, HistoryEventType.TaskScheduled).Details!).TimeoutInSeconds);
    }

    [Fact]
    public async Task HeartbeatSeconds_Missed_FailsWithStatesTimeout()
    {
        var execution = _harness.Start(Slow("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5"));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskStarted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(5));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("States.Timeout", execution.Error);
        Assert.Equal(_harness.Clock.UtcNow, execution.StopDate);
    }

    [Fact]
    public async Task WaitForTaskToken_SendTaskSuccess_CompletesWithCallbackOutput()
    {
        var execution = _harness.Start(WaitForToken());
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        _harness.Engine.SendTaskSuccess(token, """{"approved":true}""");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("""{"approved":true}""", Harness.Output(execution));
        Assert.Equal(
            "ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskSubmitted,TaskSucceeded,TaskStateExited,ExecutionSucceeded",
            Harness.Types(execution));
    }

    [Fact]
    public async Task WaitForTaskToken_SendTaskSuccessRightAfterStop_ThrowsTaskDoesNotExist()
    {
        var execution = _harness.Start(WaitForToken());
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        _harness.Engine.StopExecution(execution.Arn);
        var error = Assert.Throws<AslApiException>(() => _harness.Engine.SendTaskSuccess(token, """{"approved":true}"""));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("TaskDoesNotExist", ExecutionStatus.Aborted), (error.Code, execution.Status));
    }

    [Fact]
    public async Task WaitForTaskToken_Token_IsLongAndUnguessable()
    {
        _harness.Start(WaitForToken());

        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(token.Length >= 43, token);
    }

    [Fact]
    public async Task WaitForTaskToken_SendTaskFailure_IsCatchable()
    {
        var execution = _harness.Start(WaitForToken(), """{"id":1}""");
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        _harness.Engine.SendTaskFailure(token, "Rejected", "not today");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("""{"id":1,"error":{"Error":"Rejected","Cause":"not today"}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task WaitForTaskToken_HeartbeatResetsTheHeartbeatTimer()
    {
        var execution = _harness.Start(WaitForToken("\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5"));
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(4));
        _harness.Engine.SendTaskHeartbeat(token);
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(4));
        _harness.Engine.SendTaskSuccess(token, "1");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task SendTaskSuccess_AfterTimeout_ThrowsTaskTimedOut()
    {
        var execution = _harness.Start(WaitForToken("\"TimeoutSeconds\":10"));
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.SendTaskSuccess(token, "{}"));

        Assert.Equal("TaskTimedOut", error.Code);
        Assert.Equal("States.Timeout", execution.Error);
    }

    [Fact]
    public async Task SendTaskSuccess_SecondTime_ThrowsTaskDoesNotExist()
    {
        var execution = _harness.Start(WaitForToken());
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);
        _harness.Engine.SendTaskSuccess(token, "{}");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.SendTaskSuccess(token, "{}"));

        Assert.Equal("TaskDoesNotExist", error.Code);
    }

    [Fact]
    public void SendTaskSuccess_UnknownToken_ThrowsInvalidToken()
    {
        var error = Assert.Throws<AslApiException>(() => _harness.Engine.SendTaskSuccess("not-a-token", "{}"));

        Assert.Equal("InvalidToken", error.Code);
    }

    [Fact]
    public async Task SendTaskSuccess_InvalidJson_ThrowsInvalidOutputAndTaskKeepsWaiting()
    {
        var execution = _harness.Start(WaitForToken());
        var token = await _token.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        var error = Assert.Throws<AslApiException>(() => _harness.Engine.SendTaskSuccess(token, "{oops"));
        _harness.Engine.SendTaskSuccess(token, "2");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("InvalidOutput", "2"), (error.Code, Harness.Output(execution)));
    }

    [Fact]
    public async Task PendingTimers_TaskEndsBeforeItsTimeouts_LeavesNoTimerQueued()
    {
        _harness.Tasks.Register("arn:aws:states:::dynamodb:getItem", _ => JsonNode.Parse("""{"Item":{}}"""));

        var execution = await _harness.RunAsync("""
            {"TimeoutSeconds":86400,"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","TimeoutSeconds":3600,"HeartbeatSeconds":60,
                   "Parameters":{"TableName":"t","Key":{}},"End":true} } }
            """);

        Assert.Equal((ExecutionStatus.Succeeded, 0), (execution.Status, _harness.Clock.PendingTimers));
    }

    [Fact]
    public async Task PendingTimers_WaitCancelledBySiblingBranchFailure_LeavesNoTimerQueued()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}},
              {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}]}}}
            """);

        Assert.Equal((ExecutionStatus.Failed, "Boom", 0), (execution.Status, execution.Error, _harness.Clock.PendingTimers));
    }
}
