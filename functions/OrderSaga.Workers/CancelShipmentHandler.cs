using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The CancelShipment compensation: cancels the order's shipment; a no-op when none was booked or it is already
/// cancelled. Throws only <see cref="InvalidOrderException"/> (no order id).
/// </summary>
public sealed class CancelShipmentHandler(ShipmentService shipments, IdempotencyOptions idempotency)
    : OrderStep<CompensationResult>(idempotency, "CancelShipment", isCompensation: true)
{
    /// <inheritdoc />
    protected override async Task<CompensationResult> RunAsync(Order order, CancellationToken cancellationToken) =>
        new(order.OrderId, await shipments.CancelAsync(order.OrderId, cancellationToken));
}
