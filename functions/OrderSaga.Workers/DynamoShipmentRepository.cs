using Amazon.DynamoDBv2;
using Workers.Domain;
using static OrderSaga.Workers.DynamoItems;

namespace OrderSaga.Workers;

/// <summary>
/// Shipments in SHIPMENTS_TABLE: partition key <c>orderId</c> (S); <c>shipmentId</c>, <c>trackingNumber</c> and
/// <c>status</c> (CREATED or CANCELLED).
/// </summary>
public sealed class DynamoShipmentRepository(IAmazonDynamoDB client, string tableName) : IShipmentRepository
{
    private const string Created = "CREATED";
    private const string Cancelled = "CANCELLED";

    /// <inheritdoc />
    public Task<bool> TryAddAsync(Shipment shipment, CancellationToken cancellationToken) =>
        TryPutNewAsync(
            client,
            tableName,
            "orderId",
            new()
            {
                ["orderId"] = S(shipment.OrderId),
                ["shipmentId"] = S(shipment.ShipmentId),
                ["trackingNumber"] = S(shipment.TrackingNumber),
                ["status"] = S(shipment.Status == ShipmentStatus.Created ? Created : Cancelled),
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<Shipment?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        await DynamoItems.GetAsync(client, tableName, Key("orderId", orderId), cancellationToken) is { } item
            ? new Shipment(
                String(item, "shipmentId"),
                orderId,
                String(item, "trackingNumber"),
                String(item, "status") == Created ? ShipmentStatus.Created : ShipmentStatus.Cancelled)
            : null;

    /// <inheritdoc />
    public Task<bool> TryCancelAsync(string orderId, CancellationToken cancellationToken) =>
        TryChangeStatusAsync(client, tableName, Key("orderId", orderId), Created, Cancelled, cancellationToken);
}
