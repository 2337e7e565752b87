using Asl;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(ApiCollection.Name)]
public sealed class ApprovalsApiTests(ApiFixture api)
{
    private static readonly TestLambdaContext Context = new();

    private static SQSEvent Messages(params (string MessageId, string Body)[] messages) => new()
    {
        Records = [.. messages.Select(m => new SQSEvent.SQSMessage { MessageId = m.MessageId, Body = m.Body, EventSource = "aws:sqs" })],
    };

    /// <summary>Starts a waiting workflow and delivers its request to the queue consumer, as the approval machine does.</summary>
    private async Task<(string ExecutionArn, string TaskToken)> PendingAsync(string approvalId)
    {
        var (executionArn, token) = await api.StartWaitingExecutionAsync();
        var body = $$"""{"approvalId":"{{approvalId}}","orderId":"o-{{approvalId}}","amount":5000,"taskToken":"{{token}}"}""";
        await api.Approvals.RecordApprovalRequest.HandleAsync(Messages(($"m-{approvalId}", body)), Context);
        return (executionArn, token);
    }

    private Task<APIGatewayHttpApiV2ProxyResponse> DecideAsync(string approvalId, string decision, string? body = null, string? sub = "alice") =>
        api.Approvals.DecideApproval.HandleAsync(
            ApiRequests.Post($"/approvals/{approvalId}/{decision}", body, new Dictionary<string, string> { ["approvalId"] = approvalId }, sub),
            Context);

    [Fact]
    public async Task RecordApprovalRequest_BatchWithAMalformedMessage_ReportsOnlyThatMessage()
    {
        var batch = Messages(
            ("m-good", """{"approvalId":"a-batch","orderId":"o-1","amount":10,"taskToken":"token-1"}"""),
            ("m-bad", """{"approvalId":"a-broken","amount":"ten"}"""));

        var response = await api.Approvals.RecordApprovalRequest.HandleAsync(batch, Context);

        Assert.Equal(["m-bad"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    [Fact]
    public async Task Approve_PendingApproval_RecordsTheApproverAndCompletesTheWorkflow()
    {
        var (executionArn, _) = await PendingAsync("a-approve");

        var response = await DecideAsync("a-approve", "approve", """{"reason":"known customer"}""");

        Assert.Equal((200, "APPROVED", "alice"), (response.StatusCode, ApiRequests.Text(response, "status"), ApiRequests.Text(response, "decidedBy")));
        var execution = await api.CompletedAsync(executionArn);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("""{"approvalId":"a-approve","decision":"APPROVED","approver":"alice"}""", execution.Output!.ToJsonString());
    }

    [Fact]
    public async Task Reject_PendingApproval_FailsTheWorkflowWithApprovalRejectedException()
    {
        var (executionArn, _) = await PendingAsync("a-reject");

        var response = await DecideAsync("a-reject", "reject", """{"reason":"over budget"}""", sub: "bob");

        Assert.Equal((200, "REJECTED", "over budget"), (response.StatusCode, ApiRequests.Text(response, "status"), ApiRequests.Text(response, "reason")));
        var execution = await api.CompletedAsync(executionArn);
        Assert.Equal((ExecutionStatus.Failed, "ApprovalRejectedException", "Rejected by bob: over budget"), (execution.Status, execution.Error, execution.Cause));
    }

    [Fact]
    public async Task Reject_WithoutReason_Returns400NamingReason()
    {
        await PendingAsync("a-no-reason");

        var response = await DecideAsync("a-no-reason", "reject");

        Assert.Equal((400, "reason"), (response.StatusCode, ApiRequests.Text(response, "field")));
    }

    [Fact]
    public async Task Decide_TwoDecisionsAtOnce_DecideOnce()
    {
        var (executionArn, _) = await PendingAsync("a-race");

        var responses = await Task.WhenAll(
            DecideAsync("a-race", "approve"),
            DecideAsync("a-race", "reject", """{"reason":"no"}""", sub: "bob"));

        Assert.Equal([200, 409], responses.Select(r => r.StatusCode).Order());
        Assert.NotEqual(ExecutionStatus.Running, (await api.CompletedAsync(executionArn)).Status);
    }

    [Fact]
    public async Task Approve_Twice_SecondGets409()
    {
        await PendingAsync("a-double");
        await DecideAsync("a-double", "approve");

        var second = await DecideAsync("a-double", "approve");

        Assert.Equal(409, second.StatusCode);
    }

    [Fact]
    public async Task Approve_UnknownApproval_Returns404()
    {
        var response = await DecideAsync("a-unknown", "approve");

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task Approve_WithoutSubClaim_Returns401()
    {
        var response = await DecideAsync("a-anonymous", "approve", sub: null);

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task GetApprovals_PendingListAndOneApproval_NeverCarryTheTaskToken()
    {
        var (_, token) = await PendingAsync("a-listed");

        var list = await api.Approvals.GetApprovals.HandleAsync(ApiRequests.Get("/approvals", query: new Dictionary<string, string> { ["status"] = "PENDING" }, sub: "alice"), Context);
        var one = await api.Approvals.GetApprovals.HandleAsync(ApiRequests.Get("/approvals/a-listed", new Dictionary<string, string> { ["approvalId"] = "a-listed" }, sub: "alice"), Context);

        Assert.Contains(ApiRequests.Json(list).GetProperty("items").EnumerateArray(), item => item.GetProperty("approvalId").GetString() == "a-listed");
        Assert.Equal((200, "PENDING"), (one.StatusCode, ApiRequests.Text(one, "status")));
        Assert.DoesNotContain(token, list.Body!, StringComparison.Ordinal);
        Assert.DoesNotContain(token, one.Body!, StringComparison.Ordinal);
        Assert.DoesNotContain("taskToken", one.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApprovals_UnknownStatus_Returns400NamingStatus()
    {
        var response = await api.Approvals.GetApprovals.HandleAsync(ApiRequests.Get("/approvals", query: new Dictionary<string, string> { ["status"] = "MAYBE" }, sub: "alice"), Context);

        Assert.Equal((400, "status"), (response.StatusCode, ApiRequests.Text(response, "field")));
    }
}
