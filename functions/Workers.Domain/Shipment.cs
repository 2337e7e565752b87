namespace Workers.Domain;

/// <summary>A shipment booked for an order: at most one per order.</summary>
public sealed record Shipment(string ShipmentId, string OrderId, string TrackingNumber, ShipmentStatus Status);
