using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The RefundPayment compensation: refunds the order's charge in full; a no-op when nothing was charged or it is
/// already refunded. Throws only <see cref="InvalidOrderException"/> (no order id).
/// </summary>
public sealed class RefundPaymentHandler(PaymentService payments, IdempotencyOptions idempotency)
    : OrderStep<CompensationResult>(idempotency, "RefundPayment", isCompensation: true)
{
    /// <inheritdoc />
    protected override async Task<CompensationResult> RunAsync(Order order, CancellationToken cancellationToken) =>
        new(order.OrderId, await payments.RefundAsync(order.OrderId, cancellationToken));
}
