using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StandIns;

namespace Workers.Tests;

/// <summary>
/// One real dynalite per test collection, with a client pointed at it and helpers that create uniquely named tables,
/// so tests in a collection never see each other's items.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private DynaliteServer? _server;
    private AmazonDynamoDBClient? _client;
    private int _tableCounter;

    /// <summary>The running dynalite's endpoint.</summary>
    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("dynalite is not started.");

    /// <summary>A DynamoDB client with dummy credentials, pointed at dynalite.</summary>
    public AmazonDynamoDBClient Client => _client ?? throw new InvalidOperationException("dynalite is not started.");

    /// <summary>Starts dynalite and builds the client.</summary>
    public async Task InitializeAsync()
    {
        _server = await DynaliteServer.StartAsync();
        _client = CreateClient(_server.Endpoint);
    }

    /// <summary>Disposes the client and stops dynalite.</summary>
    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Builds a client for any dynalite endpoint, the way a worker builds one from <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public static AmazonDynamoDBClient CreateClient(Uri endpoint) =>
        new(new BasicAWSCredentials("dummy", "dummy"), new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });

    /// <summary>Creates an on-demand table with a string hash key (and optional string range key); returns its unique name.</summary>
    public async Task<string> CreateTableAsync(string prefix, string hashKey, string? rangeKey = null)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _tableCounter)}";
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(hashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
        };
        if (rangeKey is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(rangeKey, ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(rangeKey, KeyType.RANGE));
        }

        await Client.CreateTableAsync(request);
        await WaitUntilActiveAsync(name);
        return name;
    }

    // Even with --createTableMs 0 a new table is CREATING until dynalite's next tick, and unusable until ACTIVE.
    // Each poll is a round trip to dynalite, so this waits on its signal rather than on wall time.
    private async Task WaitUntilActiveAsync(string name)
    {
        for (var poll = 0; poll < 1000; poll++)
        {
            var table = await Client.DescribeTableAsync(name);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Table {name} did not become ACTIVE.");
    }

    /// <summary>Creates a table with the Powertools idempotency schema (hash key <c>id</c>); returns its name.</summary>
    public Task<string> CreateIdempotencyTableAsync() => CreateTableAsync("idempotency", "id");
}
