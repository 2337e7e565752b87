namespace Workers.Domain;

/// <summary>
/// Reserves and releases stock for orders. There are no multi-item transactions to rely on (dynalite has none), so
/// stock is taken line by line and given back if a later line cannot be had; any window a crash leaves open only
/// holds stock back, it never oversells.
/// </summary>
public sealed class InventoryService(IInventoryRepository inventory, IReservationRepository reservations)
{
    /// <summary>Takes every line's stock and records the reservation; a repeat for the same order returns the first.</summary>
    /// <exception cref="InvalidOrderException">The order is malformed.</exception>
    /// <exception cref="InsufficientInventoryException">A line asks for more than is in stock; nothing stays taken.</exception>
    public async Task<Reservation> ReserveAsync(Order order, CancellationToken cancellationToken)
    {
        OrderRules.Validate(order);
        if (await reservations.GetAsync(order.OrderId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var taken = new List<ReservedLine>();
        foreach (var line in order.Items)
        {
            if (!await inventory.TryTakeAsync(line.Sku, line.Quantity, cancellationToken))
            {
                await PutBackAsync(taken);
                throw new InsufficientInventoryException($"Not enough stock of {line.Sku} for {line.Quantity} units (order {order.OrderId})");
            }

            taken.Add(new ReservedLine(line.Sku, line.Quantity));
        }

        var reservation = new Reservation(DomainIds.For("res", order.OrderId), order.OrderId, taken, ReservationStatus.Active);
        if (await reservations.TryAddAsync(reservation, cancellationToken))
        {
            return reservation;
        }

        // A concurrent or earlier run recorded the reservation first: its stock counts, ours goes back.
        await PutBackAsync(taken);
        return await reservations.GetAsync(order.OrderId, cancellationToken) ?? reservation;
    }

    /// <summary>Gives an order's reserved stock back; false (a no-op) when nothing is reserved or it was already released.</summary>
    public async Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken)
    {
        var reservation = await reservations.GetAsync(orderId, cancellationToken);
        if (reservation is null || !await reservations.TryReleaseAsync(orderId, cancellationToken))
        {
            return false;
        }

        await PutBackAsync(reservation.Lines);
        return true;
    }

    // Not cancellable: stock taken and not given back would be lost to every later order.
    private async Task PutBackAsync(IEnumerable<ReservedLine> lines)
    {
        foreach (var line in lines)
        {
            await inventory.PutBackAsync(line.Sku, line.Quantity, CancellationToken.None);
        }
    }
}
