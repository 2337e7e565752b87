namespace Local.Tests.Up;

/// <summary>
/// An approval nobody decides, on an <c>up</c> started with the template's shortest approval limits as SAM takes them
/// (<c>--parameter-overrides</c>): the heartbeat (30 s) expires it in real time, since WAIT_TIME_SCALE scales only Wait states.
/// </summary>
public sealed class UpExpiryTests
{
    [Fact]
    public async Task Approval_NobodyDecides_ExpiresAndRollsTheOrderBack()
    {
        await using var up = await UpProcess.StartAsync("--parameter-overrides", "ApprovalTimeoutSeconds=60", "ApprovalHeartbeatSeconds=30");
        var orders = new OrderApi(up.Api);
        var orderId = OrderApi.NewOrderId();
        using var accepted = await orders.PostAsync(orderId, "SKU-2", 3, 500m, "tok_visa");
        var token = await up.TokenAsync("carol");
        await orders.WaitForApprovalAsync(orderId, token);

        var status = await orders.WaitForFinalStatusAsync(orderId);

        var approval = await orders.GetApprovalAsync(orderId, token);
        var ledger = await SagaLedger.ReadAsync(up.DynamoDb());
        Assert.Equal("ROLLED_BACK", status);
        Assert.Equal("EXPIRED", (string?)approval?["status"]);
        Assert.Equal(SagaLedger.SeededStock, ledger.StockOf("SKU-2"));
        Assert.Equal(1500m, ledger.RefundOf(orderId));
        Assert.Empty(ledger.Violations());
    }
}
