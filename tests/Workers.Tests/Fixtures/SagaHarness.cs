using Amazon.DynamoDBv2.Model;
using OrderSaga.Workers;
using Workers.Domain;
using Workers.Lambda;

namespace Workers.Tests;

/// <summary>
/// The saga workers over fresh tables in a shared dynalite, with a manual clock for idempotency expiry and helpers to
/// seed and read stock and the payment ledger.
/// </summary>
public sealed class SagaHarness
{
    private readonly DynaliteFixture _dynalite;

    private SagaHarness(DynaliteFixture dynalite, SagaSettings settings)
    {
        _dynalite = dynalite;
        Settings = settings;
        Workers = new SagaWorkers(dynalite.Client, settings, Clock);
        Ledger = new DynamoPaymentLedger(dynalite.Client, settings.PaymentsTable);
    }

    /// <summary>The clock behind idempotency expiry.</summary>
    public ManualClock Clock { get; } = new();

    /// <summary>The table names and payment settings in use.</summary>
    public SagaSettings Settings { get; }

    /// <summary>The handlers under test.</summary>
    public SagaWorkers Workers { get; }

    /// <summary>The payment ledger, to check what was charged and refunded.</summary>
    public DynamoPaymentLedger Ledger { get; }

    /// <summary>A context with 30 s left, as a Step Functions task would give.</summary>
    public static ILambdaContext Context => new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30), FunctionName = "OrderSagaWorkers" };

    /// <summary>Creates the five tables and the workers over them.</summary>
    public static async Task<SagaHarness> CreateAsync(DynaliteFixture dynalite, PaymentSettings? payment = null)
    {
        ArgumentNullException.ThrowIfNull(dynalite);
        var settings = new SagaSettings(
            await dynalite.CreateTableAsync("inventory", "sku"),
            await dynalite.CreateTableAsync("reservations", "orderId"),
            await dynalite.CreateTableAsync("payments", "id"),
            await dynalite.CreateTableAsync("shipments", "orderId"),
            await dynalite.CreateIdempotencyTableAsync(),
            payment ?? PaymentSettings.Default);
        return new SagaHarness(dynalite, settings);
    }

    /// <summary>An order for one customer with the given lines, in USD.</summary>
    public static Order Order(string orderId, string paymentToken = PaymentTokens.Visa, string customerId = "customer-1", params OrderLine[] items) =>
        new(orderId, customerId, items.Length == 0 ? [new OrderLine("WIDGET", 2, 12.50m)] : items, "USD", paymentToken);

    /// <summary>Sets the units on hand of a SKU.</summary>
    public Task PutStockAsync(string sku, int available) =>
        _dynalite.Client.PutItemAsync(Settings.InventoryTable, new Dictionary<string, AttributeValue>
        {
            ["sku"] = new(sku),
            [DynamoInventoryRepository.AvailableAttribute] = new() { N = available.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

    /// <summary>The units on hand of a SKU.</summary>
    public async Task<int> AvailableAsync(string sku)
    {
        var response = await _dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = Settings.InventoryTable,
            Key = new() { ["sku"] = new(sku) },
            ConsistentRead = true,
        });
        return int.Parse(response.Item[DynamoInventoryRepository.AvailableAttribute].N, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many items a table holds.</summary>
    public async Task<int> CountAsync(string table) =>
        (await _dynalite.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count ?? 0;
}
