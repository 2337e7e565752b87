namespace Workers.Idempotency;

/// <summary>
/// Where and how idempotency records are stored: the table and its attribute names, with Powertools' defaults, so a
/// table written by AWS.Lambda.Powertools.Idempotency can be read here and the other way round.
/// </summary>
public sealed record DynamoDBPersistenceStoreOptions
{
    /// <summary>The table name (required; the workers read it from <c>IDEMPOTENCY_TABLE</c>).</summary>
    public required string TableName { get; init; }

    /// <summary>Partition key attribute: the idempotency key, or <see cref="StaticPkValue"/> when a sort key is set.</summary>
    public string KeyAttr { get; init; } = "id";

    /// <summary>Sort key attribute holding the idempotency key; none by default.</summary>
    public string? SortKeyAttr { get; init; }

    /// <summary>Partition key value used when <see cref="SortKeyAttr"/> is set.</summary>
    public string StaticPkValue { get; init; } = $"idempotency#{Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")}";

    /// <summary>Expiry attribute, epoch seconds (also the table's TTL attribute on AWS).</summary>
    public string ExpiryAttr { get; init; } = "expiration";

    /// <summary>In-progress expiry attribute, epoch milliseconds.</summary>
    public string InProgressExpiryAttr { get; init; } = "in_progress_expiration";

    /// <summary>Status attribute: <c>INPROGRESS</c> or <c>COMPLETED</c>.</summary>
    public string StatusAttr { get; init; } = "status";

    /// <summary>Attribute holding the JSON of the stored response.</summary>
    public string DataAttr { get; init; } = "data";

    /// <summary>Attribute holding the payload-validation hash.</summary>
    public string ValidationAttr { get; init; } = "validation";

    /// <summary>Keep completed records in memory too, so a replay in a warm function makes no request.</summary>
    public bool UseLocalCache { get; init; }

    /// <summary>How many records the local cache holds before evicting the least recently used.</summary>
    public int LocalCacheMaxItems { get; init; } = 256;
}
