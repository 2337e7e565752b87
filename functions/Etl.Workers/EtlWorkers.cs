using Amazon.DynamoDBv2;
using Amazon.S3;
using Workers.Idempotency;
using Workers.Lambda;

namespace Etl.Workers;

/// <summary>
/// The ETL handlers over their clients, built once per process. <see cref="Register"/> names each handler for
/// <c>WORKERS_HANDLER</c>: TransformBatch, LoadBatch, SummarizeRun.
/// </summary>
public sealed class EtlWorkers(IAmazonDynamoDB dynamoDb, IAmazonS3 s3, EtlSettings settings, TimeProvider? timeProvider = null)
{
    /// <summary>TransformBatch.</summary>
    public TransformBatchHandler TransformBatch { get; } = new();

    /// <summary>LoadBatch.</summary>
    public LoadBatchHandler LoadBatch { get; } = new(
        dynamoDb,
        settings.ProductsTable,
        new IdempotencyOptions
        {
            Store = new DynamoDBPersistenceStore(dynamoDb, new DynamoDBPersistenceStoreOptions { TableName = settings.IdempotencyTable }),
            JsonContext = EtlJson.Default,
            TimeProvider = timeProvider ?? TimeProvider.System,
        });

    /// <summary>SummarizeRun.</summary>
    public SummarizeRunHandler SummarizeRun { get; } = new(s3);

    /// <summary>Registers every handler under its state's name.</summary>
    public LambdaApplication Register(LambdaApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var json = EtlJson.Default;
        return application
            .Handle("TransformBatch", TransformBatch.HandleAsync, json.TransformBatchInput, json.TransformBatchResult)
            .Handle("LoadBatch", LoadBatch.HandleAsync, json.LoadBatchInput, json.LoadBatchResult)
            .Handle("SummarizeRun", SummarizeRun.HandleAsync, json.ResultWriterDetails, json.RunSummary);
    }
}
