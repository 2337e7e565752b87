namespace Workers.Domain;

/// <summary>Shipments, one per order.</summary>
public interface IShipmentRepository
{
    /// <summary>Stores the shipment unless the order already has one; false when it does.</summary>
    Task<bool> TryAddAsync(Shipment shipment, CancellationToken cancellationToken);

    /// <summary>The order's shipment, or null.</summary>
    Task<Shipment?> GetAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Marks a created shipment cancelled; false when there is none or it is already cancelled.</summary>
    Task<bool> TryCancelAsync(string orderId, CancellationToken cancellationToken);
}
