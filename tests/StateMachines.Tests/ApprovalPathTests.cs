using Asl;

namespace StateMachines.Tests;

public sealed class ApprovalPathTests
{
    private const string Request = """{"approvalId":"approval-o-1","orderId":"o-1","amount":5000,"currency":"USD"}""";

    private readonly MockedEngine _engine = new();

    [Fact]
    public async Task Approval_Approved_SucceedsWithTheApprover()
    {
        var execution = await _engine.RunAsync(Definitions.Approval, "Approval", Request, "Approved");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("""{"approvalId":"approval-o-1","orderId":"o-1","status":"APPROVED","approver":"alice"}""", execution.Output!.ToJsonString());
        Assert.Equal(["RecordRequest", "WaitForDecision"], MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task Approval_Rejected_FailsWithApprovalRejectedAndTheReason()
    {
        var execution = await _engine.RunAsync(Definitions.Approval, "Approval", Request, "Rejected");

        Assert.Equal((ExecutionStatus.Failed, "ApprovalRejected", "Rejected by bob: over budget"), (execution.Status, execution.Error, execution.Cause));
        Assert.Equal(["RecordRequest", "WaitForDecision"], MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task Approval_NobodyDecides_MarksExpiredAndFailsWithApprovalExpired()
    {
        _engine.Tasks.Register("arn:aws:states:::sqs:sendMessage.waitForTaskToken", _ => MockedEngine.Json("""{"MessageId":"m-1"}"""));

        var execution = _engine.Start(Definitions.Approval, "Approval", Request, "Expired");
        await MockedEngine.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);
        await _engine.Clock.AdvanceAsync(TimeSpan.FromSeconds(86_400));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((ExecutionStatus.Failed, "ApprovalExpired"), (execution.Status, execution.Error));
        Assert.Equal(["RecordRequest", "WaitForDecision", "MarkExpired"], MockedEngine.TasksEntered(execution));
        Assert.Contains(execution.History.Snapshot(), e => e.Type == HistoryEventType.TaskTimedOut);
    }
}
