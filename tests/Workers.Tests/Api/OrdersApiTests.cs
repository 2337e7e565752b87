using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Asl;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(ApiCollection.Name)]
public sealed class OrdersApiTests(ApiFixture api)
{
    private static readonly TestLambdaContext Context = new();

    private static string Order(string orderId, int quantity = 2) =>
        $$"""{"orderId":"{{orderId}}","customerId":"c-1","items":[{"sku":"SKU-1","quantity":{{quantity}},"unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}""";

    private Task<APIGatewayHttpApiV2ProxyResponse> PostAsync(string? body) =>
        api.Orders.CreateOrder.HandleAsync(ApiRequests.Post("/orders", body), Context);

    private Task<APIGatewayHttpApiV2ProxyResponse> GetAsync(string orderId) =>
        api.Orders.GetOrder.HandleAsync(ApiRequests.Get($"/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = orderId }), Context);

    [Fact]
    public async Task CreateOrder_ValidOrder_Returns202AndStartsTheSagaNamedAfterTheOrder()
    {
        var response = await PostAsync(Order("o-create"));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("PENDING", ApiRequests.Text(response, "status"));
        var executionArn = ApiRequests.Text(response, "executionArn");
        Assert.EndsWith(":workers-order-saga:order-o-create", executionArn, StringComparison.Ordinal);
        Assert.Equal(ExecutionStatus.Running, api.Server.Api.Engine.FindExecution(executionArn)!.Status);
        Assert.Equal("PENDING", ApiRequests.Text(await GetAsync("o-create"), "status"));
    }

    [Fact]
    public async Task CreateOrder_SameOrderPostedTwice_ReturnsTheSameAnswerAndOneExecution()
    {
        var first = await PostAsync(Order("o-twice"));

        var second = await PostAsync(Order("o-twice"));

        Assert.Equal((202, first.Body), (second.StatusCode, second.Body));
        Assert.Single(api.Server.Api.Engine.ListExecutions(api.StateMachineArn), e => e.Name == "order-o-twice");
    }

    [Fact]
    public async Task CreateOrder_DifferentOrderUnderAUsedId_Returns409Problem()
    {
        await PostAsync(Order("o-taken"));

        var response = await PostAsync(Order("o-taken", quantity: 3));

        Assert.Equal((409, "application/problem+json"), (response.StatusCode, response.Headers!["content-type"]));
        Assert.Equal("orderId", ApiRequests.Text(response, "field"));
    }

    [Theory]
    [InlineData(null, "body")]
    [InlineData("{not json", "body")]
    [InlineData("""{"orderId":"o-bad","customerId":"c-1","items":[{"sku":"SKU-1","quantity":"two","unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}""", "items[0].quantity")]
    [InlineData("""{"orderId":"o-bad","items":[{"sku":"SKU-1","quantity":2,"unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}""", "customerId")]
    [InlineData("""{"orderId":"o-bad","customerId":"c-1","items":[],"currency":"USD","paymentToken":"tok_visa"}""", "items")]
    [InlineData("""{"orderId":"o-bad","customerId":"c-1","items":[{"sku":"SKU-1","quantity":2,"unitPrice":25}],"currency":"usd","paymentToken":"tok_visa"}""", "currency")]
    [InlineData("""{"orderId":"o bad!","customerId":"c-1","items":[{"sku":"SKU-1","quantity":2,"unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}""", "orderId")]
    public async Task CreateOrder_InvalidBody_Returns400ProblemNamingTheField(string? body, string field)
    {
        var response = await PostAsync(body);

        Assert.Equal((400, "application/problem+json"), (response.StatusCode, response.Headers!["content-type"]));
        Assert.Equal((field, 400), (ApiRequests.Text(response, "field"), ApiRequests.Json(response).GetProperty("status").GetInt32()));
    }

    [Theory]
    [InlineData("APPROVAL_REQUIRED")]
    [InlineData("UNDER_REVIEW")]
    [InlineData("FULFILLED")]
    [InlineData("ROLLED_BACK")]
    public async Task GetOrder_StatusMovedByTheSaga_ReturnsThatStatus(string status)
    {
        var orderId = $"o-status-{status.ToLower(CultureInfo.InvariantCulture).Replace('_', '-')}";
        await PostAsync(Order(orderId));
        await api.Dynalite.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = api.OrdersTable,
            Key = new Dictionary<string, AttributeValue> { ["orderId"] = new() { S = orderId } },
            UpdateExpression = "SET #status = :status",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":status"] = new() { S = status } },
        });

        var response = await GetAsync(orderId);

        Assert.Equal((200, status, 50m), (response.StatusCode, ApiRequests.Text(response, "status"), ApiRequests.Json(response).GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task GetOrder_Body_WritesTheTimestampOffsetUnescaped()
    {
        await PostAsync(Order("o-timestamp"));

        var response = await GetAsync("o-timestamp");

        Assert.Contains($"\"createdAt\":\"{ApiRequests.Text(response, "createdAt")}\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrder_UnknownId_Returns404Problem()
    {
        var response = await GetAsync("o-unknown");

        Assert.Equal((404, "application/problem+json"), (response.StatusCode, response.Headers!["content-type"]));
    }
}
