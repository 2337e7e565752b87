using Workers.Domain;
using Workers.Idempotency;

namespace OrderSaga.Workers;

/// <summary>
/// The ReleaseInventory compensation: gives the order's reserved stock back; a no-op when nothing is reserved or it
/// was already released. Throws only <see cref="InvalidOrderException"/> (no order id).
/// </summary>
public sealed class ReleaseInventoryHandler(InventoryService inventory, IdempotencyOptions idempotency)
    : OrderStep<CompensationResult>(idempotency, "ReleaseInventory", isCompensation: true)
{
    /// <inheritdoc />
    protected override async Task<CompensationResult> RunAsync(Order order, CancellationToken cancellationToken) =>
        new(order.OrderId, await inventory.ReleaseAsync(order.OrderId, cancellationToken));
}
