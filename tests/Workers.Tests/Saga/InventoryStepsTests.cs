using OrderSaga.Workers;
using Workers.Domain;

namespace Workers.Tests;

[Collection(SagaCollection.Name)]
public sealed class InventoryStepsTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private SagaHarness _saga = null!;

    public async Task InitializeAsync() => _saga = await SagaHarness.CreateAsync(dynalite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReserveInventory_ConcurrentOrdersForScarceStock_StockNeverGoesNegative()
    {
        await _saga.PutStockAsync("WIDGET", 10);
        var orders = Enumerable.Range(1, 25).Select(i => SagaHarness.Order($"order-{i}", items: new OrderLine("WIDGET", 1, 5m)));

        var outcomes = await Task.WhenAll(orders.Select(o => Outcome.Of(() => _saga.Workers.ReserveInventory.HandleAsync(o, SagaHarness.Context))));

        Assert.Equal(10, outcomes.Count(o => o is ReservationResult));
        Assert.Equal(15, outcomes.Count(o => o is InsufficientInventoryException));
        Assert.Equal(0, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReserveInventory_EnoughStock_ReturnsReservationWithLines()
    {
        await _saga.PutStockAsync("WIDGET", 5);

        var result = await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.StartsWith("res_", result.ReservationId, StringComparison.Ordinal);
        Assert.Equal([new ReservedLine("WIDGET", 2)], result.Lines);
        Assert.Equal(3, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReserveInventory_SecondLineShort_PutsFirstLineBack()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        await _saga.PutStockAsync("GADGET", 1);
        var order = SagaHarness.Order("order-1", items: [new OrderLine("WIDGET", 3, 1m), new OrderLine("GADGET", 2, 1m)]);

        await Assert.ThrowsAsync<InsufficientInventoryException>(() => _saga.Workers.ReserveInventory.HandleAsync(order, SagaHarness.Context));

        Assert.Equal(5, await _saga.AvailableAsync("WIDGET"));
        Assert.Equal(1, await _saga.AvailableAsync("GADGET"));
    }

    [Fact]
    public async Task ReserveInventory_UnknownSku_ThrowsInsufficientInventory()
    {
        var order = SagaHarness.Order("order-1", items: new OrderLine("NOT-STOCKED", 1, 1m));

        await Assert.ThrowsAsync<InsufficientInventoryException>(() => _saga.Workers.ReserveInventory.HandleAsync(order, SagaHarness.Context));
    }

    [Fact]
    public async Task ReserveInventory_Replayed_TakesStockOnce()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        var first = await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var replay = await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(first.ReservationId, replay.ReservationId);
        Assert.Equal(3, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReserveInventory_RunAgainAfterIdempotencyExpiry_TakesStockOnce()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(3, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReleaseInventory_AfterReserve_PutsStockBack()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        var result = await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", true), result);
        Assert.Equal(5, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReleaseInventory_WithoutReserve_IsNoOp()
    {
        await _saga.PutStockAsync("WIDGET", 5);

        var result = await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), result);
        Assert.Equal(5, await _saga.AvailableAsync("WIDGET"));
        Assert.Equal(0, await _saga.CountAsync(_saga.Settings.ReservationsTable));
    }

    [Fact]
    public async Task ReleaseInventory_Twice_PutsStockBackOnce()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(5, await _saga.AvailableAsync("WIDGET"));
    }

    [Fact]
    public async Task ReleaseInventory_AgainAfterIdempotencyExpiry_ChangesNothing()
    {
        await _saga.PutStockAsync("WIDGET", 5);
        await _saga.Workers.ReserveInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);
        _saga.Clock.Advance(TimeSpan.FromHours(2));

        var again = await _saga.Workers.ReleaseInventory.HandleAsync(SagaHarness.Order("order-1"), SagaHarness.Context);

        Assert.Equal(new CompensationResult("order-1", false), again);
        Assert.Equal(5, await _saga.AvailableAsync("WIDGET"));
    }
}
