using System.Collections.Concurrent;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderSaga.Workers;

namespace StateMachines.Tests;

/// <summary>
/// Reads what the saga wrote (orders, reservations, the payment ledger, shipments, stock, approvals) and checks the
/// invariants that must hold once every execution has ended, across every order in the tables.
/// </summary>
public sealed class SagaTables(IAmazonDynamoDB dynamoDb, string ordersTable, string approvalsTable, SagaSettings settings)
{
    private readonly ConcurrentDictionary<string, int> _seeded = new(StringComparer.Ordinal);

    /// <summary>Puts units of a SKU in stock and remembers the amount, so stock can be checked against reservations.</summary>
    public async Task PutStockAsync(string sku, int available)
    {
        await dynamoDb.PutItemAsync(settings.InventoryTable, new Dictionary<string, AttributeValue>
        {
            ["sku"] = new(sku),
            [DynamoInventoryRepository.AvailableAttribute] = Number(available),
        });
        _seeded[sku] = available;
    }

    /// <summary>The units of a SKU on hand.</summary>
    public async Task<int> AvailableAsync(string sku) =>
        (int)Decimal((await GetAsync(settings.InventoryTable, "sku", sku))!, DynamoInventoryRepository.AvailableAttribute);

    /// <summary>The order's status and side effects.</summary>
    public async Task<OrderEffects> EffectsAsync(string orderId)
    {
        var order = await GetAsync(ordersTable, "orderId", orderId);
        var reservation = await GetAsync(settings.ReservationsTable, "orderId", orderId);
        var charge = await GetAsync(settings.PaymentsTable, "id", $"charge#{orderId}");
        var refund = await GetAsync(settings.PaymentsTable, "id", $"refund#{orderId}");
        var shipment = await GetAsync(settings.ShipmentsTable, "orderId", orderId);
        return new OrderEffects(
            order?["status"].S,
            reservation?["status"].S,
            charge is null ? null : Decimal(charge, "amount"),
            refund is null ? null : Decimal(refund, "amount"),
            shipment?["status"].S);
    }

    /// <summary>What the customer owes in a currency according to the ledger (charges minus refunds).</summary>
    public async Task<decimal> OutstandingAsync(string customerId, string currency) =>
        await GetAsync(settings.PaymentsTable, "id", $"customer#{customerId}#{currency}") is { } item ? Decimal(item, "outstanding") : 0m;

    /// <summary>The approval's status, or null when there is none.</summary>
    public async Task<string?> ApprovalStatusAsync(string approvalId) => (await GetAsync(approvalsTable, "approvalId", approvalId))?["status"].S;

    /// <summary>
    /// Every broken invariant, as text naming the order: a final status whose side effects do not match it (no
    /// stranded reservation, no charge without shipment except UNDER_REVIEW, nothing at all for REJECTED), side
    /// effects without an order, a refund that differs from its charge, a customer total that is not charges minus
    /// refunds, and stock that is not what was put in minus the active reservations.
    /// </summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync()
    {
        var orders = (await ScanAsync(ordersTable)).ToDictionary(i => i["orderId"].S, i => i["status"].S, StringComparer.Ordinal);
        var reservations = (await ScanAsync(settings.ReservationsTable)).ToDictionary(i => i["orderId"].S, StringComparer.Ordinal);
        var shipments = (await ScanAsync(settings.ShipmentsTable)).ToDictionary(i => i["orderId"].S, i => i["status"].S, StringComparer.Ordinal);
        var ledger = await ScanAsync(settings.PaymentsTable);
        var charges = Kind(ledger, "charge#");
        var refunds = Kind(ledger, "refund#");
        var violations = new List<string>();

        foreach (var orderId in orders.Keys.Union(reservations.Keys).Union(shipments.Keys).Union(charges.Keys).Union(refunds.Keys).Order(StringComparer.Ordinal))
        {
            var effects = new OrderEffects(
                orders.GetValueOrDefault(orderId),
                reservations.TryGetValue(orderId, out var r) ? r["status"].S : null,
                charges.TryGetValue(orderId, out var c) ? Decimal(c, "amount") : null,
                refunds.TryGetValue(orderId, out var f) ? Decimal(f, "amount") : null,
                shipments.GetValueOrDefault(orderId));
            if (Expected(effects) is { } broken)
            {
                violations.Add($"order {orderId}: {broken} ({effects})");
            }
        }

        foreach (var customer in Kind(ledger, "customer#"))
        {
            var parts = customer.Key.Split('#');
            var owed = charges.Values.Where(c => c["customerId"].S == parts[0] && c["currency"].S == parts[1]).Sum(c => Decimal(c, "amount"))
                - refunds.Values.Where(c => c["customerId"].S == parts[0] && c["currency"].S == parts[1]).Sum(c => Decimal(c, "amount"));
            if (Decimal(customer.Value, "outstanding") != owed)
            {
                violations.Add($"customer {customer.Key}: outstanding {Decimal(customer.Value, "outstanding")} but charges minus refunds are {owed}");
            }
        }

        foreach (var (sku, seeded) in _seeded)
        {
            var held = reservations.Values
                .Where(res => res["status"].S == "ACTIVE")
                .SelectMany(res => res["lines"].L)
                .Where(line => line.M["sku"].S == sku)
                .Sum(line => int.Parse(line.M["quantity"].N, CultureInfo.InvariantCulture));
            var available = await AvailableAsync(sku);
            if (available != seeded - held)
            {
                violations.Add($"sku {sku}: {available} on hand, but {seeded} were put in and {held} are reserved");
            }
        }

        return violations;
    }

    // What each final status allows; null when the effects fit the status.
    private static string? Expected(OrderEffects e) => e.Status switch
    {
        null => "side effects without an order",
        "REJECTED" when e.Reservation is not null || e.Charged is not null || e.Shipment is not null => "rejected but has side effects",
        "FULFILLED" when e.Reservation != "ACTIVE" || e.Charged is null || e.Refunded is not null || e.Shipment != "CREATED" => "fulfilled without exactly one reservation, charge and shipment",
        "UNDER_REVIEW" when e.Reservation != "ACTIVE" || e.Charged is null || e.Refunded is not null || e.Shipment is not null => "under review must keep the reservation and charge and ship nothing",
        "ROLLED_BACK" when e.Reservation == "ACTIVE" => "stranded reservation",
        "ROLLED_BACK" when e.Charged is not null && e.Refunded != e.Charged => "charge not refunded in full",
        "ROLLED_BACK" when e.Shipment == "CREATED" => "shipment not cancelled",
        _ when e.Refunded is not null && e.Charged is null => "refund without a charge",
        "PENDING" or "APPROVAL_REQUIRED" => $"left {e.Status} after its saga ended",
        _ => null,
    };

    private static Dictionary<string, Dictionary<string, AttributeValue>> Kind(List<Dictionary<string, AttributeValue>> ledger, string prefix) =>
        ledger.Where(i => i["id"].S.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(i => i["id"].S[prefix.Length..], StringComparer.Ordinal);

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string table, string keyName, string key)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { [keyName] = new(key) }, ConsistentRead = true });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static AttributeValue Number(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static decimal Decimal(Dictionary<string, AttributeValue> item, string name) =>
        decimal.Parse(item[name].N, NumberStyles.Number, CultureInfo.InvariantCulture);
}
