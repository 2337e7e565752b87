using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Local.Tests.Up;

/// <summary>
/// What the order saga left in dynalite, read table by table as an operator would (<c>local-&lt;LogicalId&gt;</c>
/// tables), and the saga's promises checked against it: a fulfilled order holds its stock, one charge and one
/// shipment; an order under review holds its stock and charge; a rolled-back order holds nothing (released, refunded,
/// no live shipment); and each SKU's stock is the seed less what live reservations hold.
/// </summary>
public sealed class SagaLedger
{
    /// <summary>Units of each demo SKU <c>up</c> seeds (Workers.Local's LocalStorage.SeededStock).</summary>
    public const int SeededStock = 1000;

    private SagaLedger(
        Dictionary<string, Dictionary<string, AttributeValue>> orders,
        Dictionary<string, Dictionary<string, AttributeValue>> reservations,
        Dictionary<string, Dictionary<string, AttributeValue>> payments,
        Dictionary<string, Dictionary<string, AttributeValue>> shipments,
        Dictionary<string, Dictionary<string, AttributeValue>> inventory)
    {
        Orders = orders;
        Reservations = reservations;
        Payments = payments;
        Shipments = shipments;
        Inventory = inventory;
    }

    /// <summary>Orders by order id.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, AttributeValue>> Orders { get; }

    /// <summary>Reservations by order id.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, AttributeValue>> Reservations { get; }

    /// <summary>Payment ledger entries by id (<c>charge#orderId</c>, <c>refund#orderId</c>, ...).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, AttributeValue>> Payments { get; }

    /// <summary>Shipments by order id.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, AttributeValue>> Shipments { get; }

    /// <summary>Stock items by SKU.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, AttributeValue>> Inventory { get; }

    public static async Task<SagaLedger> ReadAsync(IAmazonDynamoDB dynamoDb) => new(
        await ScanAsync(dynamoDb, "local-OrdersTable", "orderId"),
        await ScanAsync(dynamoDb, "local-ReservationsTable", "orderId"),
        await ScanAsync(dynamoDb, "local-PaymentsTable", "id"),
        await ScanAsync(dynamoDb, "local-ShipmentsTable", "orderId"),
        await ScanAsync(dynamoDb, "local-InventoryTable", "sku"));

    /// <summary>The order's status in the orders table.</summary>
    public string? StatusOf(string orderId) => Text(Orders.GetValueOrDefault(orderId), "status");

    /// <summary>ACTIVE or RELEASED; null when the order never reserved.</summary>
    public string? ReservationOf(string orderId) => Text(Reservations.GetValueOrDefault(orderId), "status");

    /// <summary>CREATED or CANCELLED; null when the order never shipped.</summary>
    public string? ShipmentOf(string orderId) => Text(Shipments.GetValueOrDefault(orderId), "status");

    /// <summary>The amount charged, or null.</summary>
    public decimal? ChargeOf(string orderId) => Amount(Payments.GetValueOrDefault($"charge#{orderId}"));

    /// <summary>The amount refunded, or null.</summary>
    public decimal? RefundOf(string orderId) => Amount(Payments.GetValueOrDefault($"refund#{orderId}"));

    /// <summary>Units of the SKU in stock.</summary>
    public int StockOf(string sku) => int.Parse(Inventory[sku]["available"].N, CultureInfo.InvariantCulture);

    /// <summary>Every broken promise, one line each; empty when the tables agree with every order's status.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        foreach (var orderId in Orders.Keys)
        {
            var status = StatusOf(orderId);
            var expected = status switch
            {
                "FULFILLED" => new Holdings("ACTIVE", true, "CREATED"),
                "UNDER_REVIEW" => new Holdings("ACTIVE", true, null),
                "ROLLED_BACK" or "REJECTED" => new Holdings(null, false, null),
                _ => null,
            };
            var actual = new Holdings(
                ReservationOf(orderId) is "ACTIVE" ? "ACTIVE" : null,
                ChargeOf(orderId) is { } charge && RefundOf(orderId) != charge,
                ShipmentOf(orderId) is "CREATED" ? "CREATED" : null);
            if (actual != expected)
            {
                violations.Add($"order {orderId} is {status ?? "missing"} but holds {actual}");
            }

            if (RefundOf(orderId) is { } refund && ChargeOf(orderId) is var charged && charged != refund)
            {
                violations.Add($"order {orderId} refunded {refund} against a charge of {charged?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
            }
        }

        foreach (var orphan in Reservations.Keys.Concat(Shipments.Keys).Where(id => !Orders.ContainsKey(id)).Distinct())
        {
            violations.Add($"reservation or shipment for unknown order {orphan}");
        }

        var held = Reservations.Values
            .Where(r => Text(r, "status") == "ACTIVE")
            .SelectMany(r => r["lines"].L)
            .GroupBy(line => line.M["sku"].S, line => int.Parse(line.M["quantity"].N, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum());
        foreach (var sku in Inventory.Keys)
        {
            var expectedStock = SeededStock - held.GetValueOrDefault(sku);
            if (StockOf(sku) != expectedStock)
            {
                violations.Add($"{sku} has {StockOf(sku)} in stock, expected {SeededStock} seeded less {held.GetValueOrDefault(sku)} held by live reservations");
            }
        }

        return violations;
    }

    /// <summary>What an order holds: a live reservation, a charge not refunded, a live shipment.</summary>
    private sealed record Holdings(string? Reservation, bool LiveCharge, string? Shipment);

    private static string? Text(Dictionary<string, AttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) ? value.S : null;

    private static decimal? Amount(Dictionary<string, AttributeValue>? item) =>
        item is null ? null : decimal.Parse(item["amount"].N, CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamoDb, string table, string key)
    {
        var items = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items)
            {
                items[item[key].S] = item;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }
}
