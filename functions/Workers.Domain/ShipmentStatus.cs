namespace Workers.Domain;

/// <summary>Where a shipment stands.</summary>
public enum ShipmentStatus
{
    /// <summary>Booked with the carrier.</summary>
    Created,

    /// <summary>Cancelled before dispatch (the saga compensated).</summary>
    Cancelled,
}
