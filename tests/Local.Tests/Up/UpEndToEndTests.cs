using System.Net;
using System.Net.Http.Json;

namespace Local.Tests.Up;

/// <summary>Orders and approvals over HTTP against <c>up</c> running as a real process with real functions and dynalite.</summary>
[Collection(UpCollection.Name)]
public sealed class UpEndToEndTests(UpFixture fixture)
{
    private OrderApi Orders => fixture.Orders;

    [Fact]
    public async Task PostOrder_InStockVisa_EndsFulfilled()
    {
        var orderId = OrderApi.NewOrderId();

        using var accepted = await Orders.PostAsync(orderId, "SKU-1", 2, 10m, "tok_visa");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("FULFILLED", await Orders.WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task PostOrder_MissingItems_Is400()
    {
        using var response = await fixture.Up.Api.PostAsJsonAsync("/orders", new { orderId = OrderApi.NewOrderId(), customerId = "c-1", currency = "EUR", paymentToken = "tok_visa" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostOrder_DeclinedCard_EndsRolledBack()
    {
        var status = await Orders.RunAsync(OrderApi.NewOrderId(), "SKU-3", 1, 10m, "tok_declined");

        Assert.Equal("ROLLED_BACK", status);
    }

    [Fact]
    public async Task PostOrder_OutOfStock_EndsRolledBack()
    {
        var status = await Orders.RunAsync(OrderApi.NewOrderId(), "SKU-4", 5000, 0.01m, "tok_visa");

        Assert.Equal("ROLLED_BACK", status);
    }

    [Fact]
    public async Task PostOrder_UnshippableSku_IsCompensatedToRolledBack()
    {
        var status = await Orders.RunAsync(OrderApi.NewOrderId(), "HAZMAT-1", 1, 10m, "tok_visa");

        Assert.Equal("ROLLED_BACK", status);
    }

    [Fact]
    public async Task PostOrder_FraudulentCard_IsHeldUnderReviewWithStockAndChargeKept()
    {
        var orderId = OrderApi.NewOrderId();
        using var accepted = await Orders.PostAsync(orderId, "SKU-7", 2, 15m, "tok_fraud");
        var executionArn = (string)(await accepted.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["executionArn"]!;

        var status = await Orders.WaitForFinalStatusAsync(orderId);

        var ledger = await SagaLedger.ReadAsync(fixture.Up.DynamoDb());
        var reviews = await new StepFunctionsCli(fixture.Up.SfnEndpoint).SucceededTasksAsync(executionArn, "sns", "publish");
        Assert.Equal("UNDER_REVIEW", status);
        Assert.Equal("ACTIVE", ledger.ReservationOf(orderId));
        Assert.Equal(30m, ledger.ChargeOf(orderId));
        Assert.Null(ledger.RefundOf(orderId));
        Assert.Null(ledger.ShipmentOf(orderId));
        Assert.Single(reviews);
    }

    [Fact]
    public async Task ListApprovals_WithoutToken_Is401()
    {
        using var response = await fixture.Up.Api.GetAsync("/approvals?status=PENDING");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Approve_OrderAboveThreshold_EndsFulfilled()
    {
        var orderId = OrderApi.NewOrderId();
        using var accepted = await Orders.PostAsync(orderId, "SKU-5", 3, 500m, "tok_visa");
        var token = await fixture.Up.TokenAsync("alice");
        await Orders.WaitForApprovalAsync(orderId, token);

        using var decision = await Orders.DecideAsync(orderId, "approve", token);

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("FULFILLED", await Orders.WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task Reject_OrderAboveThreshold_EndsRolledBack()
    {
        var orderId = OrderApi.NewOrderId();
        using var accepted = await Orders.PostAsync(orderId, "SKU-6", 3, 500m, "tok_visa");
        var token = await fixture.Up.TokenAsync("bob");
        await Orders.WaitForApprovalAsync(orderId, token);

        using var decision = await Orders.DecideAsync(orderId, "reject", token);

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("ROLLED_BACK", await Orders.WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task Tables_AfterOrdersOnEveryPath_AgreeWithEachOrderStatus()
    {
        var fulfilled = OrderApi.NewOrderId();
        var declined = OrderApi.NewOrderId();
        var unshippable = OrderApi.NewOrderId();
        var underReview = OrderApi.NewOrderId();
        await Orders.RunAsync(fulfilled, "SKU-8", 4, 10m, "tok_visa");
        await Orders.RunAsync(declined, "SKU-8", 5, 10m, "tok_declined");
        await Orders.RunAsync(unshippable, "HAZMAT-1", 1, 10m, "tok_visa");
        await Orders.RunAsync(underReview, "SKU-8", 6, 10m, "tok_fraud");

        var ledger = await SagaLedger.ReadAsync(fixture.Up.DynamoDb());

        Assert.Equal(new[] { "FULFILLED", "ROLLED_BACK", "ROLLED_BACK", "UNDER_REVIEW" }, new[] { ledger.StatusOf(fulfilled), ledger.StatusOf(declined), ledger.StatusOf(unshippable), ledger.StatusOf(underReview) });
        Assert.Empty(ledger.Violations());
        Assert.Equal(SagaLedger.SeededStock - 4 - 6, ledger.StockOf("SKU-8"));
        Assert.Equal(10m, ledger.RefundOf(unshippable));
        Assert.Equal("RELEASED", ledger.ReservationOf(unshippable));
    }
}
