using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Template;
using KeySchemaElement = Amazon.DynamoDBv2.Model.KeySchemaElement;

namespace Workers.Local;

/// <summary>
/// Creates the template's tables in dynalite and buckets in s3rver (keeping what a data folder already holds), and
/// seeds the demo data the README walks through: stock for SKU-1 to SKU-9 and HAZMAT-1, and a sample CSV for the ETL (250 rows,
/// 5 of them invalid).
/// </summary>
internal static class LocalStorage
{
    /// <summary>Units of each demo SKU put in stock when its item does not exist yet.</summary>
    public const int SeededStock = 1000;

    /// <summary>The key of the sample CSV in the ETL bucket.</summary>
    public const string SampleCsvKey = "input/products.csv";

    /// <summary>s3rver's built-in key pair; dynalite accepts any, so every local client signs with it.</summary>
    public const string AccessKey = "S3RVER";

    private static readonly BasicAWSCredentials Credentials = new(AccessKey, AccessKey);

    /// <summary>SKU-1 to SKU-9, and HAZMAT-1, in stock but never shippable, so an order of it runs every compensation.</summary>
    private static readonly string[] SeededSkus = [.. Enumerable.Range(1, 9).Select(i => $"SKU-{i}"), "HAZMAT-1"];

    public static async Task CreateTablesAsync(Uri dynamoDb, IReadOnlyList<TableResource> tables, CancellationToken cancellationToken)
    {
        using var client = new AmazonDynamoDBClient(Credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoDb.ToString(), AuthenticationRegion = "us-east-1" });
        await Task.WhenAll(tables.Select(table => CreateTableAsync(client, table, cancellationToken))).ConfigureAwait(false);
        if (tables.FirstOrDefault(t => t.KeySchema.Count == 1 && t.KeySchema[0].AttributeName == "sku") is { } inventory)
        {
            await Task.WhenAll(SeededSkus.Select(sku => SeedStockAsync(client, inventory.TableName, sku, cancellationToken))).ConfigureAwait(false);
        }
    }

    public static async Task CreateBucketsAsync(Uri s3, IReadOnlyList<BucketResource> buckets, CancellationToken cancellationToken)
    {
        // s3rver stores an aws-chunked or trailing-checksum upload with its framing, so the CSV goes up plain.
        using var client = new AmazonS3Client(Credentials, new AmazonS3Config
        {
            ServiceURL = s3.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        });
        foreach (var bucket in buckets)
        {
            try
            {
                await client.PutBucketAsync(bucket.BucketName, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // A data folder keeps buckets across restarts.
            }

            await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket.BucketName, Key = SampleCsvKey, ContentBody = SampleCsv(), ContentType = "text/csv", UseChunkEncoding = false }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreateTableAsync(AmazonDynamoDBClient client, TableResource table, CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [.. table.AttributeDefinitions.Select(a => new Amazon.DynamoDBv2.Model.AttributeDefinition(a.AttributeName, a.AttributeType))],
            KeySchema = [.. table.KeySchema.Select(k => new KeySchemaElement(k.AttributeName, k.KeyType))],
        };
        if (table.GlobalSecondaryIndexes is { Count: > 0 } indexes)
        {
            request.GlobalSecondaryIndexes = [.. indexes.OfType<JsonObject>().Select(GlobalIndex)];
        }

        try
        {
            await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // A data folder keeps tables across restarts.
        }

        if (table.TimeToLiveAttribute is { } ttl)
        {
            try
            {
                await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
                {
                    TableName = table.TableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonDynamoDBException)
            {
                // dynalite has no TTL: items simply do not expire locally (README "Local cloud vs AWS").
            }
        }
    }

    private static GlobalSecondaryIndex GlobalIndex(JsonObject index) => new()
    {
        IndexName = (string?)index["IndexName"],
        KeySchema = [.. (index["KeySchema"]?.AsArray() ?? []).OfType<JsonObject>().Select(k => new KeySchemaElement((string?)k["AttributeName"], (string?)k["KeyType"]))],
        Projection = new Projection
        {
            ProjectionType = (string?)index["Projection"]?["ProjectionType"] ?? "ALL",
            NonKeyAttributes = index["Projection"]?["NonKeyAttributes"] is JsonArray attributes ? [.. attributes.Select(a => (string?)a)] : null,
        },
    };

    private static async Task SeedStockAsync(AmazonDynamoDBClient client, string table, string sku, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new()
                {
                    ["sku"] = new AttributeValue { S = sku },
                    ["available"] = new AttributeValue { N = SeededStock.ToString(CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(sku)",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Stock kept in a data folder is left as the last run left it.
        }
    }

    /// <summary>250 product rows in three batches; every 50th row has no valid price, so the run shows 5 rejects.</summary>
    private static string SampleCsv()
    {
        var csv = new StringBuilder("productId,name,price,quantity\n");
        for (var i = 1; i <= 250; i++)
        {
            var price = i % 50 == 0 ? "n/a" : (i % 50 + 0.99m).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"P-{i:D4},Sample product {i},{price},{i * 3 % 200}\n");
        }

        return csv.ToString();
    }
}
