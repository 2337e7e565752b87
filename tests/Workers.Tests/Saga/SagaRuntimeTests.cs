using Workers.Lambda;

namespace Workers.Tests;

/// <summary>The saga handlers behind the real Runtime API loop: what Step Functions receives as result or error.</summary>
[Collection(SagaCollection.Name)]
public sealed class SagaRuntimeTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Variables = new() { ["POWERTOOLS_TRACE_DISABLED"] = "true" };

    private SagaHarness _saga = null!;

    public async Task InitializeAsync() => _saga = await SagaHarness.CreateAsync(dynalite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReserveInventory_ThroughRuntimeApi_PostsCamelCaseResult()
    {
        await _saga.PutStockAsync("WIDGET", 5);

        var outcome = await LambdaRun.InvokeOnceAsync(
            _saga.Workers.Register(new LambdaApplication()),
            "ReserveInventory",
            """{"orderId":"o-1","customerId":"c-1","items":[{"sku":"WIDGET","quantity":2,"unitPrice":3}],"currency":"USD","paymentToken":"tok_visa"}""",
            null,
            Variables);

        Assert.EndsWith("/response", outcome.Post.Path, StringComparison.Ordinal);
        Assert.Equal("WIDGET", outcome.Post.Json.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task ValidateOrder_ThroughRuntimeApi_ReportsInvalidOrderException()
    {
        var outcome = await LambdaRun.InvokeOnceAsync(
            _saga.Workers.Register(new LambdaApplication()),
            "ValidateOrder",
            """{"orderId":"o-1","customerId":"c-1","items":[{"sku":"A","quantity":-1,"unitPrice":3}],"currency":"USD","paymentToken":"tok_visa"}""",
            null,
            Variables);

        Assert.Equal("InvalidOrderException", outcome.Post.Json.GetProperty("errorType").GetString());
        Assert.Equal("items[0].quantity must be a positive integer of at most 10000", outcome.Post.Json.GetProperty("errorMessage").GetString());
    }
}
