using System.Text.Json;
using OrderSaga.Workers;
using Workers.Domain;

namespace Workers.Tests;

[Collection(SagaCollection.Name)]
public sealed class BadInputTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private SagaHarness _saga = null!;

    public async Task InitializeAsync() => _saga = await SagaHarness.CreateAsync(dynalite);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> MalformedOrders => new()
    {
        { "{}", "orderId is required" },
        { """{"orderId":"o/1"}""", "orderId must be 1 to 64 letters, digits, '-' or '_'" },
        { """{"orderId":"o-1"}""", "customerId is required" },
        { """{"orderId":"o-1","customerId":"c-1"}""", "paymentToken is required" },
        { """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"usd"}""", "currency must be a three-letter ISO 4217 code such as USD" },
        { """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD"}""", "items must hold at least one line" },
        { """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[]}""", "items must hold at least one line" },
        { """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[null]}""", "items[0] is required" },
        { """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[{"quantity":1,"unitPrice":1}]}""", "items[0].sku is required" },
        {
            """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[{"sku":"A","quantity":1,"unitPrice":1},{"sku":"B","quantity":0,"unitPrice":1}]}""",
            "items[1].quantity must be a positive integer of at most 10000"
        },
        {
            """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[{"sku":"A","quantity":1,"unitPrice":-1}]}""",
            "items[0].unitPrice must be a non-negative amount with at most two decimals"
        },
        {
            """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[{"sku":"A","quantity":1,"unitPrice":0.001}]}""",
            "items[0].unitPrice must be a non-negative amount with at most two decimals"
        },
        {
            """{"orderId":"o-1","customerId":"c-1","paymentToken":"tok_visa","currency":"USD","items":[{"sku":"A","quantity":1,"unitPrice":1},{"sku":"A","quantity":1,"unitPrice":1}]}""",
            "items[1].sku repeats A; put all units of a SKU on one line"
        },
    };

    [Theory]
    [MemberData(nameof(MalformedOrders))]
    public async Task ValidateOrder_MalformedOrder_ThrowsInvalidOrderNamingField(string json, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidOrderException>(() => _saga.Workers.ValidateOrder.HandleAsync(Parse(json), SagaHarness.Context));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(MalformedOrders))]
    public async Task ReserveInventory_MalformedOrder_ThrowsInvalidOrder(string json, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidOrderException>(() => _saga.Workers.ReserveInventory.HandleAsync(Parse(json), SagaHarness.Context));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task ChargePayment_IncompleteOrder_ThrowsInvalidOrder()
    {
        await Assert.ThrowsAsync<InvalidOrderException>(() => _saga.Workers.ChargePayment.HandleAsync(Parse("""{"orderId":"o-1"}"""), SagaHarness.Context));
    }

    [Fact]
    public async Task CreateShipment_NullOrder_ThrowsInvalidOrder()
    {
        var error = await Assert.ThrowsAsync<InvalidOrderException>(() => _saga.Workers.CreateShipment.HandleAsync(null!, SagaHarness.Context));

        Assert.Equal("order is required", error.Message);
    }

    [Fact]
    public async Task RefundPayment_OrderWithoutId_ThrowsInvalidOrder()
    {
        var error = await Assert.ThrowsAsync<InvalidOrderException>(() => _saga.Workers.RefundPayment.HandleAsync(Parse("{}"), SagaHarness.Context));

        Assert.Equal("orderId is required", error.Message);
    }

    [Fact]
    public async Task ReleaseInventory_OrderWithOnlyId_Runs()
    {
        var result = await _saga.Workers.ReleaseInventory.HandleAsync(Parse("""{"orderId":"o-1"}"""), SagaHarness.Context);

        Assert.Equal(new CompensationResult("o-1", false), result);
    }

    [Fact]
    public async Task ValidateOrder_ValidOrder_ReturnsTotal()
    {
        var result = await _saga.Workers.ValidateOrder.HandleAsync(
            SagaHarness.Order("order-1", items: [new OrderLine("A", 2, 12.50m), new OrderLine("B", 1, 0.99m)]), SagaHarness.Context);

        Assert.Equal(new ValidateOrderResult("order-1", 25.99m, "USD", 2), result);
    }

    private static Order Parse(string json) => JsonSerializer.Deserialize(json, SagaJson.Default.Order)!;
}
