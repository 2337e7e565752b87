namespace OrderSaga.Workers;

/// <summary>CreateShipment's result: <c>{"shipmentId","trackingNumber"}</c>.</summary>
public sealed record ShipmentResult(string ShipmentId, string TrackingNumber);
