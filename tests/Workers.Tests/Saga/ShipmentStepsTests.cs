using OrderSaga.Workers;
using Workers.Domain;

namespace Workers.Tests;

[Collection(SagaCollection.Name)]
public sealed class ShipmentStepsTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private SagaHarness _saga = null!;

    public async Task InitializeAsync() => _saga = await SagaHarness.CreateAsync(dynalite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateShipment_ShippableOrder_ReturnsShipmentAndTrackingNumber()
    {
        var result = await _saga.Workers.CreateShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.StartsWith("shp_", result.ShipmentId, StringComparison.Ordinal);
        Assert.Matches("^1Z[0-9]{18,19}$", result.TrackingNumber);
    }

    [Fact]
    public async Task CreateShipment_Replayed_BooksOnce()
    {
        var first = await _saga.Workers.CreateShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        var again = await _saga.Workers.CreateShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(first, again);
        Assert.Equal(1, await _saga.CountAsync(_saga.Settings.ShipmentsTable));
    }

    [Fact]
    public async Task CreateShipment_UnshippableSku_ThrowsShipmentFailed()
    {
        var order = SagaHarness.Order("order-1", items: new OrderLine("HAZMAT-ACID", 1, 5m));

        var error = await Assert.ThrowsAsync<ShipmentFailedException>(() => _saga.Workers.CreateShipment.HandleAsync(order, SagaHarness.Context));

        Assert.Contains("HAZMAT-ACID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelShipment_AfterCreate_Cancels()
    {
        await _saga.Workers.CreateShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var result = await _saga.Workers.CancelShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", true), result);
    }

    [Fact]
    public async Task CancelShipment_WithoutCreate_IsNoOp()
    {
        var result = await _saga.Workers.CancelShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), result);
        Assert.Equal(0, await _saga.CountAsync(_saga.Settings.ShipmentsTable));
    }

    [Fact]
    public async Task CancelShipment_AgainAfterIdempotencyExpiry_ChangesNothing()
    {
        await _saga.Workers.CreateShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        await _saga.Workers.CancelShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        var again = await _saga.Workers.CancelShipment.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), again);
    }
}
