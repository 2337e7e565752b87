using Asl;
using Workers.Lambda;

namespace Workers.Tests;

/// <summary>The APIs when requests race each other or the workflow: double submits and decisions that arrive too late.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiRaceTests(ApiFixture api)
{
    private static readonly TestLambdaContext Context = new();

    private const string Order = """{"orderId":"o-double-click","customerId":"c-1","items":[{"sku":"SKU-1","quantity":1,"unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}""";

    private Task<APIGatewayHttpApiV2ProxyResponse> PostAsync(string body) =>
        api.Orders.CreateOrder.HandleAsync(ApiRequests.Post("/orders", body), Context);

    [Fact]
    public async Task CreateOrder_SameOrderPostedTwiceAtOnce_BothGetTheSameAnswerAndOneExecutionRuns()
    {
        var responses = await Task.WhenAll(PostAsync(Order), PostAsync(Order));

        Assert.Equal((202, 202), (responses[0].StatusCode, responses[1].StatusCode));
        Assert.Equal(responses[0].Body, responses[1].Body);
        Assert.Single(api.Server.Api.Engine.ListExecutions(api.StateMachineArn), e => e.Name == "order-o-double-click");
    }

    [Fact]
    public async Task Approve_WorkflowNoLongerWaiting_MarksExpiredAndReturns409()
    {
        var (executionArn, token) = await api.StartWaitingExecutionAsync();
        var body = $$"""{"approvalId":"a-gone","orderId":"o-a-gone","amount":5000,"taskToken":"{{token}}"}""";
        await api.Approvals.RecordApprovalRequest.HandleAsync(
            new SQSEvent { Records = [new SQSEvent.SQSMessage { MessageId = "m-a-gone", Body = body, EventSource = "aws:sqs" }] },
            Context);
        api.Server.Api.Engine.StopExecution(executionArn);

        var response = await api.Approvals.DecideApproval.HandleAsync(
            ApiRequests.Post("/approvals/a-gone/approve", null, new Dictionary<string, string> { ["approvalId"] = "a-gone" }, "alice"),
            Context);
        var view = await api.Approvals.GetApprovals.HandleAsync(
            ApiRequests.Get("/approvals/a-gone", new Dictionary<string, string> { ["approvalId"] = "a-gone" }, sub: "alice"),
            Context);

        Assert.Equal((409, "Expired"), (response.StatusCode, ApiRequests.Text(response, "title")));
        Assert.Equal("EXPIRED", ApiRequests.Text(view, "status"));
        Assert.Equal(ExecutionStatus.Aborted, (await api.CompletedAsync(executionArn)).Status);
    }
}
