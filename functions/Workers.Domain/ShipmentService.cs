using System.Globalization;

namespace Workers.Domain;

/// <summary>
/// Books and cancels shipments with a simulated carrier. The carrier refuses SKUs starting with
/// <see cref="UnshippablePrefix"/>, which gives tests and demos a deterministic way to make the last step fail.
/// </summary>
public sealed class ShipmentService(IShipmentRepository shipments)
{
    /// <summary>SKUs with this prefix cannot be shipped: <see cref="ShipmentFailedException"/>.</summary>
    public const string UnshippablePrefix = "HAZMAT-";

    /// <summary>Books the order's shipment; a repeat for the same order returns the first booking.</summary>
    /// <exception cref="InvalidOrderException">The order is malformed.</exception>
    /// <exception cref="ShipmentFailedException">The order holds a SKU the carrier refuses.</exception>
    public async Task<Shipment> CreateAsync(Order order, CancellationToken cancellationToken)
    {
        OrderRules.Validate(order);
        if (await shipments.GetAsync(order.OrderId, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (order.Items.FirstOrDefault(line => line.Sku.StartsWith(UnshippablePrefix, StringComparison.Ordinal)) is { } refused)
        {
            throw new ShipmentFailedException($"The carrier refused order {order.OrderId}: {refused.Sku} cannot be shipped");
        }

        var shipmentId = DomainIds.For("shp", order.OrderId);
        var tracking = "1Z" + ulong.Parse(shipmentId[^15..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString("D18", CultureInfo.InvariantCulture);
        var shipment = new Shipment(shipmentId, order.OrderId, tracking, ShipmentStatus.Created);
        return await shipments.TryAddAsync(shipment, cancellationToken)
            ? shipment
            : await shipments.GetAsync(order.OrderId, cancellationToken) ?? shipment;
    }

    /// <summary>Cancels the order's shipment; false (a no-op) when none was booked or it is already cancelled.</summary>
    public Task<bool> CancelAsync(string orderId, CancellationToken cancellationToken) => shipments.TryCancelAsync(orderId, cancellationToken);
}
