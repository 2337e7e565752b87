using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Workers.Idempotency;

/// <summary>
/// Stores idempotency records in DynamoDB with the same items, conditions and calls as Powertools'
/// DynamoDBPersistenceStore: a conditional PutItem to claim a key, a consistent GetItem on conflict, an unconditional
/// UpdateItem on success and an unconditional DeleteItem on failure. Create one per process and share it, so the
/// optional local cache survives across invocations.
/// </summary>
public sealed class DynamoDBPersistenceStore
{
    private const string PutCondition =
        "attribute_not_exists(#id) OR #expiry < :now OR (attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_milliseconds AND #status = :inprogress)";

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDBPersistenceStoreOptions _options;
    private readonly LruCache? _cache;

    /// <summary>Creates a store over a client (built by the caller, so endpoints come from the usual SDK settings).</summary>
    /// <exception cref="ArgumentException">The table name is missing.</exception>
    public DynamoDBPersistenceStore(IAmazonDynamoDB client, DynamoDBPersistenceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName, nameof(options));
        _client = client;
        _options = options;
        _cache = options.UseLocalCache ? new LruCache(options.LocalCacheMaxItems) : null;
    }

    internal async Task SaveInProgressAsync(DataRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (LiveCachedRecord(record.IdempotencyKey, now) is not null)
        {
            throw new IdempotencyItemAlreadyExistsException($"Failed to put record for already existing idempotency key: {record.IdempotencyKey}");
        }

        var item = KeyOf(record.IdempotencyKey);
        item[_options.ExpiryAttr] = Number(record.ExpiryTimestamp);
        item[_options.StatusAttr] = new AttributeValue { S = record.Status };
        if (record.InProgressExpiryTimestamp is { } inProgressExpiry)
        {
            item[_options.InProgressExpiryAttr] = Number(inProgressExpiry);
        }

        if (record.PayloadHash is not null)
        {
            item[_options.ValidationAttr] = new AttributeValue { S = record.PayloadHash };
        }

        var request = new PutItemRequest
        {
            TableName = _options.TableName,
            Item = item,
            ConditionExpression = PutCondition,
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#id"] = _options.KeyAttr,
                ["#expiry"] = _options.ExpiryAttr,
                ["#in_progress_expiry"] = _options.InProgressExpiryAttr,
                ["#status"] = _options.StatusAttr,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":now"] = Number(now.ToUnixTimeSeconds()),
                [":now_milliseconds"] = Number(now.ToUnixTimeMilliseconds()),
                [":inprogress"] = new AttributeValue { S = DataRecord.InProgress },
            },
        };
        try
        {
            await _client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new IdempotencyItemAlreadyExistsException($"Failed to put record for already existing idempotency key: {record.IdempotencyKey}", e);
        }
    }

    internal async Task<DataRecord> GetRecordAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (LiveCachedRecord(key, now) is { } cached)
        {
            return cached;
        }

        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _options.TableName, Key = KeyOf(key), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            throw new IdempotencyItemNotFoundException(key);
        }

        var record = new DataRecord(
            _options.SortKeyAttr is null ? item[_options.KeyAttr].S : item[_options.SortKeyAttr].S,
            item.TryGetValue(_options.StatusAttr, out var status) ? status.S : string.Empty,
            item.TryGetValue(_options.ExpiryAttr, out var expiry) ? ParseNumber(expiry) : 0,
            item.TryGetValue(_options.DataAttr, out var data) ? data.S : null,
            item.TryGetValue(_options.ValidationAttr, out var validation) ? validation.S : null,
            item.TryGetValue(_options.InProgressExpiryAttr, out var inProgressExpiry) ? ParseNumber(inProgressExpiry) : null);
        if (record.Status != DataRecord.InProgress)
        {
            _cache?.Set(record);
        }

        return record;
    }

    internal async Task SaveSuccessAsync(DataRecord record, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>
        {
            ["#response_data"] = _options.DataAttr,
            ["#expiry"] = _options.ExpiryAttr,
            ["#status"] = _options.StatusAttr,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":response_data"] = new() { S = record.ResponseData },
            [":expiry"] = Number(record.ExpiryTimestamp),
            [":status"] = new() { S = record.Status },
        };
        var update = "SET #response_data = :response_data, #expiry = :expiry, #status = :status";
        if (record.PayloadHash is not null)
        {
            update += ", #validation_key = :validation_key";
            names["#validation_key"] = _options.ValidationAttr;
            values[":validation_key"] = new AttributeValue { S = record.PayloadHash };
        }

        await _client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _options.TableName,
                Key = KeyOf(record.IdempotencyKey),
                UpdateExpression = update,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
            cancellationToken).ConfigureAwait(false);
        _cache?.Set(record);
    }

    internal async Task DeleteRecordAsync(string key, CancellationToken cancellationToken)
    {
        _cache?.Remove(key);
        await _client.DeleteItemAsync(
            new DeleteItemRequest { TableName = _options.TableName, Key = KeyOf(key) },
            cancellationToken).ConfigureAwait(false);
    }

    private DataRecord? LiveCachedRecord(string key, DateTimeOffset now)
    {
        if (_cache?.Get(key) is not { } cached)
        {
            return null;
        }

        if (!cached.IsExpired(now))
        {
            return cached;
        }

        _cache.Remove(key);
        return null;
    }

    private Dictionary<string, AttributeValue> KeyOf(string key) =>
        _options.SortKeyAttr is null
            ? new() { [_options.KeyAttr] = new AttributeValue { S = key } }
            : new()
            {
                [_options.KeyAttr] = new AttributeValue { S = _options.StaticPkValue },
                [_options.SortKeyAttr] = new AttributeValue { S = key },
            };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static long ParseNumber(AttributeValue value) => long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
