using OrderSaga.Workers;
using Workers.Domain;
using Workers.Idempotency;

namespace Workers.Tests;

[Collection(SagaCollection.Name)]
public sealed class PaymentStepsTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private SagaHarness _saga = null!;

    public async Task InitializeAsync() =>
        _saga = await SagaHarness.CreateAsync(dynalite, new PaymentSettings(100m, new HashSet<string> { "customer-flagged" }));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ChargePayment_VisaToken_ChargesTotalWithLowFraudScore()
    {
        var result = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.StartsWith("pay_", result.PaymentId, StringComparison.Ordinal);
        Assert.Equal((25.00m, "USD"), (result.Amount, result.Currency));
        Assert.Equal(PaymentService.LowFraudScore, result.FraudScore);
    }

    [Fact]
    public async Task ChargePayment_ThenRefund_NetsZero()
    {
        await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var refund = await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var charge = await _saga.Ledger.GetChargeAsync("order-1", default);
        var refunded = await _saga.Ledger.GetRefundAsync("order-1", default);
        Assert.True(refund.Compensated);
        Assert.Equal(charge!.Amount, refunded!.Amount);
        Assert.Equal(new Money(0m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }

    [Fact]
    public async Task ChargePayment_Replayed_ChargesOnce()
    {
        var first = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var replay = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(first, replay);
        Assert.Equal(new Money(25m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }

    [Fact]
    public async Task ChargePayment_RunAgainAfterIdempotencyExpiry_ChargesOnce()
    {
        var first = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        var again = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(first.PaymentId, again.PaymentId);
        Assert.Equal(new Money(25m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }

    [Fact]
    public async Task ChargePayment_SameOrderIdDifferentTotal_ThrowsValidationException()
    {
        await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        var different = SagaHarness.Order("order-1", items: new OrderLine("WIDGET", 3, 12.50m));

        await Assert.ThrowsAsync<IdempotencyValidationException>(() => _saga.Workers.ChargePayment.HandleAsync(different, SagaHarness.Context));
    }

    [Fact]
    public async Task ChargePayment_DeclinedToken_ThrowsPaymentDeclinedAndChargesNothing()
    {
        await Assert.ThrowsAsync<Workers.Domain.PaymentDeclinedException>(
            () => _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1", PaymentTokens.Declined), SagaHarness.Context));

        Assert.Null(await _saga.Ledger.GetChargeAsync("order-1", default));
    }

    [Fact]
    public async Task ChargePayment_UnknownToken_ThrowsPaymentDeclined()
    {
        await Assert.ThrowsAsync<Workers.Domain.PaymentDeclinedException>(
            () => _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1", "tok_unknown"), SagaHarness.Context));
    }

    [Fact]
    public async Task ChargePayment_FraudToken_ApprovesWithHighFraudScore()
    {
        var result = await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1", PaymentTokens.Fraud), SagaHarness.Context);

        Assert.Equal(PaymentService.HighFraudScore, result.FraudScore);
    }

    [Fact]
    public async Task ChargePayment_FlaggedCustomer_ApprovesWithHighFraudScore()
    {
        var result = await _saga.Workers.ChargePayment.HandleAsync(
            SagaHarness.Order("order-1", customerId: "customer-flagged"), SagaHarness.Context);

        Assert.Equal(PaymentService.HighFraudScore, result.FraudScore);
    }

    [Fact]
    public async Task ChargePayment_LargeAmountWithinLimit_KeepsLowFraudScore()
    {
        var result = await _saga.Workers.ChargePayment.HandleAsync(
            SagaHarness.Order("order-1", items: new OrderLine("WIDGET", 1, 100m)), SagaHarness.Context);

        Assert.Equal(PaymentService.LowFraudScore, result.FraudScore);
    }

    [Fact]
    public async Task ChargePayment_OverCustomerLimit_ThrowsPaymentDeclined()
    {
        await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1", items: new OrderLine("WIDGET", 3, 30m)), SagaHarness.Context);

        await Assert.ThrowsAsync<Workers.Domain.PaymentDeclinedException>(
            () => _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-2", items: new OrderLine("WIDGET", 1, 10.01m)), SagaHarness.Context));
        Assert.Equal(new Money(90m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }

    [Fact]
    public async Task ChargePayment_FlakyToken_FailsGivenTimesThenCharges()
    {
        var order = SagaHarness.Order("order-1", PaymentTokens.FlakyPrefix + "2");

        var outcomes = new[]
        {
            await Outcome.Of(() => _saga.Workers.ChargePayment.HandleAsync(order, SagaHarness.Context)),
            await Outcome.Of(() => _saga.Workers.ChargePayment.HandleAsync(order, SagaHarness.Context)),
            await Outcome.Of(() => _saga.Workers.ChargePayment.HandleAsync(order, SagaHarness.Context)),
        };

        Assert.IsType<PaymentProviderUnavailableException>(outcomes[0]);
        Assert.IsType<PaymentProviderUnavailableException>(outcomes[1]);
        Assert.IsType<PaymentResult>(outcomes[2]);
    }

    [Fact]
    public async Task RefundPayment_WithoutCharge_IsNoOp()
    {
        var result = await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), result);
        Assert.Equal(0, await _saga.CountAsync(_saga.Settings.PaymentsTable));
    }

    [Fact]
    public async Task RefundPayment_AgainAfterIdempotencyExpiry_RefundsOnce()
    {
        await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        var again = await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), again);
        Assert.Equal(new Money(0m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }

    [Fact]
    public async Task RefundPayment_Replayed_ReturnsFirstResult()
    {
        await _saga.Workers.ChargePayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        var first = await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var replay = await _saga.Workers.RefundPayment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(first, replay);
        Assert.Equal(new Money(0m, "USD"), await _saga.Ledger.GetOutstandingAsync("customer-1", "USD", default));
    }
}
