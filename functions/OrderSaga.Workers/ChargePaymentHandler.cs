using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The ChargePayment state: charges the order total with the simulated provider and records it in the ledger.
/// Throws <see cref="InvalidOrderException"/>, <see cref="PaymentDeclinedException"/> and the transient
/// <see cref="PaymentProviderUnavailableException"/> (retry it).
/// </summary>
public sealed class ChargePaymentHandler(PaymentService payments, IdempotencyOptions idempotency)
    : OrderStep<PaymentResult>(idempotency, "ChargePayment", isCompensation: false)
{
    /// <inheritdoc />
    protected override async Task<PaymentResult> RunAsync(Order order, CancellationToken cancellationToken)
    {
        var payment = await payments.ChargeAsync(order, cancellationToken);
        return new PaymentResult(payment.PaymentId, payment.Amount.Amount, payment.Amount.Currency, payment.FraudScore);
    }
}
