using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Idempotency.Benchmarks;
using StandIns;
using Workers.Idempotency;

// Requests and time per idempotent invocation against a real dynalite: a first call, a replay from the table, and a
// replay from the local cache. Usage: dotnet run -c Release --project tests/Benchmarks/Idempotency.Benchmarks [-- N]
var invocations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
const int Warmup = 20;

await using var dynalite = await DynaliteServer.StartAsync();
var counter = new CountingHttpClientFactory();
using var client = new AmazonDynamoDBClient(
    new BasicAWSCredentials("dummy", "dummy"),
    new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1", HttpClientFactory = counter });
await client.CreateTableAsync(new CreateTableRequest
{
    TableName = "idempotency",
    BillingMode = BillingMode.PAY_PER_REQUEST,
    AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
    KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
});
while ((await client.DescribeTableAsync("idempotency")).Table.TableStatus != TableStatus.ACTIVE)
{
    await Task.Yield();
}

IdempotentOperation<ChargeRequest, ChargeReceipt> Operation(bool cache) =>
    Idempotent.For<ChargeRequest, ChargeReceipt>(new IdempotencyOptions
    {
        Store = new DynamoDBPersistenceStore(client, new DynamoDBPersistenceStoreOptions { TableName = "idempotency", UseLocalCache = cache }),
        JsonContext = BenchmarkJson.Default,
    }).WithKey(r => r.OrderId).WithMethodName("Charge");

static Task<ChargeReceipt> Charge(ChargeRequest request, CancellationToken cancellationToken) =>
    Task.FromResult(new ChargeReceipt("pay-" + request.OrderId, request.Amount));

var plain = Operation(cache: false);
var cached = Operation(cache: true);
await plain.ExecuteAsync(new ChargeRequest("replayed", 10m), null, Charge);
await cached.ExecuteAsync(new ChargeRequest("cached", 10m), null, Charge);

var rows = new[]
{
    await MeasureAsync("first call", i => plain.ExecuteAsync(new ChargeRequest($"order-{i}", 10m), null, Charge)),
    await MeasureAsync("replay (table)", _ => plain.ExecuteAsync(new ChargeRequest("replayed", 10m), null, Charge)),
    await MeasureAsync("replay (local cache)", _ => cached.ExecuteAsync(new ChargeRequest("cached", 10m), null, Charge)),
};

Console.WriteLine($"Idempotency against dynalite, {invocations} invocations per scenario after {Warmup} warm-up calls");
Console.WriteLine($"{"scenario",-22} {"requests/call",13} {"mean µs",9} {"p50 µs",9} {"p95 µs",9}");
foreach (var row in rows)
{
    Console.WriteLine($"{row.Name,-22} {row.RequestsPerCall,13:0.00} {row.MeanMicros,9:0} {row.P50Micros,9:0} {row.P95Micros,9:0}");
}

async Task<Row> MeasureAsync(string name, Func<int, Task<ChargeReceipt>> call)
{
    for (var i = 0; i < Warmup; i++)
    {
        await call(-1 - i);
    }

    var before = counter.Requests;
    var micros = new double[invocations];
    for (var i = 0; i < invocations; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await call(i);
        micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Array.Sort(micros);
    return new Row(name, (counter.Requests - before) / (double)invocations, micros.Average(), micros[invocations / 2], micros[(int)(invocations * 0.95)]);
}

/// <summary>One scenario's result.</summary>
internal sealed record Row(string Name, double RequestsPerCall, double MeanMicros, double P50Micros, double P95Micros);
