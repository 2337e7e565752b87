using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workers.Idempotency;
using Workers.Lambda;

namespace Etl.Workers;

/// <summary>
/// The ETL child's LoadBatch state: writes each row under its product id with BatchWriteItem, 25 at a time. Keys are
/// deterministic, so a retried batch rewrites the same items; Workers.Idempotency (keyed on the rows) replays the
/// first result to a duplicate invocation. Throws <see cref="LoadIncompleteException"/> (retry it) when DynamoDB keeps
/// items unprocessed, and <see cref="BatchRejectedException"/> for a batch without rows.
/// </summary>
public sealed class LoadBatchHandler
{
    /// <summary>Most items in one BatchWriteItem call, DynamoDB's limit.</summary>
    public const int MaxBatchWriteItems = 25;

    private const int MaxWriteAttempts = 5;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly string _tableName;
    private readonly IdempotentOperation<LoadBatchInput, LoadBatchResult> _once;

    /// <summary>Creates the handler over the products table.</summary>
    public LoadBatchHandler(IAmazonDynamoDB dynamoDb, string tableName, IdempotencyOptions idempotency)
    {
        _dynamoDb = dynamoDb;
        _tableName = tableName;
        _once = Idempotent.For<LoadBatchInput, LoadBatchResult>(idempotency).WithKey(input => input.Rows).WithMethodName("LoadBatch");
    }

    /// <summary>Loads one batch once.</summary>
    /// <exception cref="BatchRejectedException">The batch holds no rows.</exception>
    /// <exception cref="LoadIncompleteException">DynamoDB left items unprocessed after every attempt.</exception>
    public Task<LoadBatchResult> HandleAsync(LoadBatchInput input, ILambdaContext context)
    {
        if (input?.Rows is not { Count: > 0 })
        {
            throw new BatchRejectedException("rows must hold at least one row");
        }

        return _once.ExecuteAsync(input, context, LoadAsync);
    }

    private async Task<LoadBatchResult> LoadAsync(LoadBatchInput input, CancellationToken cancellationToken)
    {
        foreach (var chunk in input.Rows!.Chunk(MaxBatchWriteItems))
        {
            await WriteAsync([.. chunk.Select(Put)], cancellationToken);
        }

        return new LoadBatchResult(input.Read, input.Rows!.Count, input.Rejected);
    }

    private async Task WriteAsync(List<WriteRequest> requests, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, List<WriteRequest>> { [_tableName] = requests };
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var response = await _dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
            if (response.UnprocessedItems is not { Count: > 0 } unprocessed)
            {
                return;
            }

            if (attempt == MaxWriteAttempts)
            {
                throw new LoadIncompleteException(
                    $"{unprocessed.Values.Sum(list => list.Count)} items were still unprocessed after {MaxWriteAttempts} attempts");
            }

            // DynamoDB hands back unprocessed items when throttled; backing off is what its documentation asks for.
            await Task.Delay(backoff, cancellationToken);
            backoff *= 2;
            pending = unprocessed;
        }
    }

    private static WriteRequest Put(ProductRow row) => new()
    {
        PutRequest = new PutRequest
        {
            Item = new Dictionary<string, AttributeValue>
            {
                ["productId"] = new() { S = row.ProductId },
                ["name"] = new() { S = row.Name },
                ["price"] = new() { N = row.Price.ToString(CultureInfo.InvariantCulture) },
                ["quantity"] = new() { N = row.Quantity.ToString(CultureInfo.InvariantCulture) },
            },
        },
    };
}
