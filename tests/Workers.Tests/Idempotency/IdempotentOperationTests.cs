using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Workers.Idempotency;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(IdempotencyCollection.Name)]
public sealed class IdempotentOperationTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private const string Order1Key = "testFunction.Charge#6e7f85a9d0fe9b5dfb504c6f2991d744";
    private static readonly PaymentRequest Order1 = new("order-1", 25.50m);

    private readonly ManualClock _clock = new();
    private string _table = "";
    private int _handlerRuns;

    public async Task InitializeAsync() => _table = await dynalite.CreateIdempotencyTableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExecuteAsync_FirstCall_RunsHandlerAndStoresCompletedRecord()
    {
        var result = await Charge().ExecuteAsync(Order1, null, CountingHandler);

        var item = await ItemAsync(Order1Key);
        Assert.Equal(new PaymentReceipt("pay-1", 25.50m), result);
        Assert.Equal("COMPLETED", item["status"].S);
        Assert.Equal("""{"PaymentId":"pay-1","Amount":25.50}""", item["data"].S);
        Assert.Equal((_clock.GetUtcNow().ToUnixTimeSeconds() + 3600).ToString(), item["expiration"].N);
    }

    [Fact]
    public async Task ExecuteAsync_Replay_ReturnsStoredResponseWithoutRunningHandler()
    {
        var first = await Charge().ExecuteAsync(Order1, null, CountingHandler);

        var replay = await Charge().ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(first, replay);
        Assert.Equal(1, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_FiftyConcurrentCallsWithOneKey_RunsHandlerExactlyOnce()
    {
        var charge = Charge();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Outcome.Of(() => charge.ExecuteAsync(Order1, null, CountingHandler))));

        Assert.Equal(1, _handlerRuns);
        Assert.All(outcomes, o => Assert.True(
            o is IdempotencyAlreadyInProgressException || Equals(o, new PaymentReceipt("pay-1", 25.50m)),
            $"unexpected outcome {o}"));
    }

    [Fact]
    public async Task ExecuteAsync_HandlerThrows_DeletesRecordRethrowsAndRetryRuns()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Charge().ExecuteAsync(Order1, null, (_, _) => throw new TimeoutException("provider timed out")));
        var itemAfterFailure = await ItemAsync(Order1Key);

        var retry = await Charge().ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal("provider timed out", error.Message);
        Assert.Empty(itemAfterFailure);
        Assert.Equal(new PaymentReceipt("pay-1", 25.50m), retry);
    }

    [Fact]
    public async Task ExecuteAsync_RecordExpired_RunsHandlerAgain()
    {
        await Charge().ExecuteAsync(Order1, null, CountingHandler);
        _clock.Advance(TimeSpan.FromSeconds(3601));

        var second = await Charge().ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(new PaymentReceipt("pay-2", 25.50m), second);
    }

    [Fact]
    public async Task ExecuteAsync_ReplayWithinExpiry_DoesNotRunHandlerAgain()
    {
        await Charge().ExecuteAsync(Order1, null, CountingHandler);
        _clock.Advance(TimeSpan.FromSeconds(3599));

        await Charge().ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(1, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_ChangedPayloadUnderValidation_ThrowsValidationException()
    {
        var charge = Charge().WithPayloadValidation(r => r.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await charge.ExecuteAsync(Order1, null, CountingHandler);

        var error = await Assert.ThrowsAsync<IdempotencyValidationException>(
            () => charge.ExecuteAsync(Order1 with { Amount = 99m }, null, CountingHandler));

        Assert.Equal("Payload does not match stored record for this event key", error.Message);
        Assert.Equal(1, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_UnchangedPayloadUnderValidation_Replays()
    {
        var charge = Charge().WithPayloadValidation(r => r.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = await charge.ExecuteAsync(Order1, null, CountingHandler);

        var replay = await charge.ExecuteAsync(Order1 with { Note = "not validated" }, null, CountingHandler);

        Assert.Equal(first, replay);
    }

    [Fact]
    public async Task ExecuteAsync_WhileHandlerRuns_StoresInProgressRecordWithoutData()
    {
        var (running, started, release) = StartGatedCall(new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) });
        await started;

        var item = await ItemAsync(Order1Key);
        release.SetResult();
        await running;

        Assert.Equal("INPROGRESS", item["status"].S);
        Assert.Equal((_clock.GetUtcNow().ToUnixTimeMilliseconds() + 30_000).ToString(), item["in_progress_expiration"].N);
        Assert.False(item.ContainsKey("data"));
    }

    [Fact]
    public async Task ExecuteAsync_DuplicateWhileFirstRuns_ThrowsAlreadyInProgress()
    {
        var (running, started, release) = StartGatedCall(new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) });
        await started;

        var error = await Assert.ThrowsAsync<IdempotencyAlreadyInProgressException>(
            () => Charge().ExecuteAsync(Order1, new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) }, CountingHandler));
        release.SetResult();
        await running;

        Assert.Equal($"Execution already in progress with idempotency key: {Order1Key}", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_CrashedInvocationPastInProgressExpiry_IsTakenOver()
    {
        var (crashed, started, release) = StartGatedCall(new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) });
        await started;
        _clock.Advance(TimeSpan.FromSeconds(31));

        var takeover = await Charge().ExecuteAsync(Order1, new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) }, CountingHandler);
        release.SetResult();
        await crashed;

        Assert.Equal(new PaymentReceipt("pay-1", 25.50m), takeover);
    }

    [Fact]
    public async Task ExecuteAsync_LocalCache_ReplaysWithoutTheTable()
    {
        var charge = Charge(Options(useLocalCache: true));
        var first = await charge.ExecuteAsync(Order1, null, CountingHandler);
        await dynalite.Client.DeleteItemAsync(_table, new Dictionary<string, AttributeValue> { ["id"] = new(Order1Key) });

        var replay = await charge.ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(first, replay);
        Assert.Equal(1, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_LocalCacheEntryExpired_RunsHandlerAgain()
    {
        var charge = Charge(Options(useLocalCache: true));
        await charge.ExecuteAsync(Order1, null, CountingHandler);
        _clock.Advance(TimeSpan.FromSeconds(3601));

        await charge.ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(2, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_LocalCacheFull_EvictsLeastRecentlyUsed()
    {
        var charge = Charge(Options() with
        {
            Store = new DynamoDBPersistenceStore(dynalite.Client, new() { TableName = _table, UseLocalCache = true, LocalCacheMaxItems = 1 }),
        });
        await charge.ExecuteAsync(Order1, null, CountingHandler);
        await charge.ExecuteAsync(Order1 with { OrderId = "order-2" }, null, CountingHandler);
        await dynalite.Client.DeleteItemAsync(_table, new Dictionary<string, AttributeValue> { ["id"] = new(Order1Key) });

        await charge.ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(3, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_MissingKeyWithThrowOnNoKey_ThrowsKeyException()
    {
        var charge = Charge(Options(throwOnNoKey: true));

        var error = await Assert.ThrowsAsync<IdempotencyKeyException>(() => charge.ExecuteAsync(Order1 with { OrderId = "" }, null, CountingHandler));

        Assert.Equal("No data found to create a hashed idempotency key", error.Message);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_MissingKeyWithoutThrow_HashesEmptyValue()
    {
        await Charge().ExecuteAsync(Order1 with { OrderId = null }, null, CountingHandler);

        var item = await ItemAsync("testFunction.Charge#d41d8cd98f00b204e9800998ecf8427e");

        Assert.Equal("COMPLETED", item["status"].S);
    }

    [Fact]
    public async Task ExecuteAsync_KeySelectorFails_ThrowsKeyException()
    {
        var charge = Idempotent.For<PaymentRequest, PaymentReceipt>(Options()).WithKey(r => r.Note!.ToUpperInvariant());

        await Assert.ThrowsAsync<IdempotencyKeyException>(() => charge.ExecuteAsync(Order1, null, CountingHandler));
    }

    [Fact]
    public async Task ExecuteAsync_TableMissing_ThrowsPersistenceLayerException()
    {
        var options = Options() with { Store = new DynamoDBPersistenceStore(dynalite.Client, new() { TableName = "no-such-table" }) };

        var error = await Assert.ThrowsAsync<IdempotencyPersistenceLayerException>(() => Charge(options).ExecuteAsync(Order1, null, CountingHandler));

        Assert.Equal("Failed to save in progress record to idempotency store", error.Message);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_Disabled_RunsHandlerEveryTime()
    {
        var charge = Charge(Options() with { Disabled = true });

        await charge.ExecuteAsync(Order1, null, CountingHandler);
        await charge.ExecuteAsync(Order1, null, CountingHandler);

        Assert.Equal(2, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_NoMethodName_UsesCallerNameInKey()
    {
        await Idempotent.For<PaymentRequest, PaymentReceipt>(Options()).WithKey(r => r.OrderId).ExecuteAsync(Order1, null, CountingHandler);

        var item = await ItemAsync("testFunction.ExecuteAsync_NoMethodName_UsesCallerNameInKey#6e7f85a9d0fe9b5dfb504c6f2991d744");

        Assert.Equal("COMPLETED", item["status"].S);
    }

    [Fact]
    public async Task ExecuteAsync_WholePayloadAsKey_DistinguishesPayloads()
    {
        var charge = Idempotent.For<PaymentRequest, PaymentReceipt>(Options()).WithMethodName("Charge");

        await charge.ExecuteAsync(Order1, null, CountingHandler);
        await charge.ExecuteAsync(Order1 with { Amount = 1m }, null, CountingHandler);

        Assert.Equal(2, _handlerRuns);
    }

    [Fact]
    public async Task ExecuteAsync_NumberKey_MatchesPowertoolsGoldenVector()
    {
        await Charge().WithKey(_ => 43876123454654L).WithMethodName("myfunc").ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("testFunction.myfunc#2fef178cc82be5ce3da6c5e0466a6182"));
    }

    [Fact]
    public async Task ExecuteAsync_StringKey_MatchesPowertoolsGoldenVector()
    {
        await Charge().WithKey(_ => "Lambda rocks").ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("testFunction.Charge#70c24d88041893f7fbab4105b76fd9e1"));
    }

    [Fact]
    public async Task ExecuteAsync_ArrayKey_MatchesPowertoolsGoldenVector()
    {
        await Charge().WithKey(_ => new JsonArray(43876123454654L, "Lambda rocks")).ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("testFunction.Charge#5ca4c8c44d427e9d43ca918a24d6cf42"));
    }

    [Fact]
    public async Task ExecuteAsync_ObjectKey_MatchesPowertoolsGoldenVector()
    {
        await Charge().WithKey(_ => new Product(42, "Product", 12)).ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("testFunction.Charge#c83e720b399b3b4898c8734af177c53a"));
    }

    [Fact]
    public async Task ExecuteAsync_DoubleKey_MatchesPowertoolsGoldenVector()
    {
        await Charge().WithKey(_ => 256.42).ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("testFunction.Charge#bb84c94278119c8838649706df4db42b"));
    }

    [Fact]
    public async Task ExecuteAsync_KeyPrefix_ReplacesWholePrefix()
    {
        await Charge().WithKey(_ => 43876123454654L).WithKeyPrefix("MyCustomPrefixKey").ExecuteAsync(Order1, null, CountingHandler);

        Assert.NotEmpty(await ItemAsync("MyCustomPrefixKey#2fef178cc82be5ce3da6c5e0466a6182"));
    }

    [Fact]
    public void WithKey_TypeUnknownToJsonContext_ThrowsConfigurationException()
    {
        var error = Assert.Throws<IdempotencyConfigurationException>(() => Charge().WithKey(_ => Guid.Empty));

        Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
    }

    private IdempotencyOptions Options(bool useLocalCache = false, bool throwOnNoKey = false) => new()
    {
        Store = new DynamoDBPersistenceStore(dynalite.Client, new() { TableName = _table, UseLocalCache = useLocalCache }),
        JsonContext = IdempotencyTestJson.Default,
        TimeProvider = _clock,
        ThrowOnNoIdempotencyKey = throwOnNoKey,
    };

    private IdempotentOperation<PaymentRequest, PaymentReceipt> Charge(IdempotencyOptions? options = null) =>
        Idempotent.For<PaymentRequest, PaymentReceipt>(options ?? Options()).WithKey(r => r.OrderId).WithMethodName("Charge");

    private Task<PaymentReceipt> CountingHandler(PaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentReceipt($"pay-{Interlocked.Increment(ref _handlerRuns)}", request.Amount));

    // A first invocation that claims the key and then stalls inside its handler until released, like one that crashed.
    private (Task<PaymentReceipt> Running, Task Started, TaskCompletionSource Release) StartGatedCall(ILambdaContext context)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Charge().ExecuteAsync(Order1, context, async (request, _) =>
        {
            started.SetResult();
            await release.Task;
            return new PaymentReceipt("pay-stalled", request.Amount);
        });
        return (running, started.Task.WaitAsync(TimeSpan.FromSeconds(30)), release);
    }

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(string id)
    {
        var response = await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { ["id"] = new AttributeValue(id) },
            ConsistentRead = true,
        });
        return response.Item ?? [];
    }
}
