namespace Workers.Domain;

/// <summary>Reservations, one per order.</summary>
public interface IReservationRepository
{
    /// <summary>Stores the reservation unless the order already has one; false when it does.</summary>
    Task<bool> TryAddAsync(Reservation reservation, CancellationToken cancellationToken);

    /// <summary>The order's reservation, or null.</summary>
    Task<Reservation?> GetAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Marks an active reservation released; false when there is none or it is already released.</summary>
    Task<bool> TryReleaseAsync(string orderId, CancellationToken cancellationToken);
}
