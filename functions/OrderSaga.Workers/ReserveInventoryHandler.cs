using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The ReserveInventory state: takes each line's stock (never below zero) and records the reservation.
/// Throws <see cref="InvalidOrderException"/> and <see cref="InsufficientInventoryException"/>.
/// </summary>
public sealed class ReserveInventoryHandler(InventoryService inventory, IdempotencyOptions idempotency)
    : OrderStep<ReservationResult>(idempotency, "ReserveInventory", isCompensation: false)
{
    /// <inheritdoc />
    protected override async Task<ReservationResult> RunAsync(Order order, CancellationToken cancellationToken)
    {
        var reservation = await inventory.ReserveAsync(order, cancellationToken);
        return new ReservationResult(reservation.ReservationId, reservation.Lines);
    }
}
