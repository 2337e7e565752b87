using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The CreateShipment state: books the shipment with the simulated carrier.
/// Throws <see cref="InvalidOrderException"/> and <see cref="ShipmentFailedException"/>.
/// </summary>
public sealed class CreateShipmentHandler(ShipmentService shipments, IdempotencyOptions idempotency)
    : OrderStep<ShipmentResult>(idempotency, "CreateShipment", isCompensation: false)
{
    /// <inheritdoc />
    protected override async Task<ShipmentResult> RunAsync(Order order, CancellationToken cancellationToken)
    {
        var shipment = await shipments.CreateAsync(order, cancellationToken);
        return new ShipmentResult(shipment.ShipmentId, shipment.TrackingNumber);
    }
}
