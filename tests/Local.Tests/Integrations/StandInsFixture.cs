using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using StandIns;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>dynalite with an <c>Orders</c> table (key <c>id</c>) and s3rver with a <c>data</c> bucket, shared by a test class.</summary>
public sealed class StandInsFixture : IAsyncLifetime
{
    public const string Table = "Orders";

    public const string Bucket = "data";

    private DynaliteServer? _dynalite;
    private S3rverServer? _s3rver;

    internal IntegrationOptions Options { get; private set; } = new();

    internal AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    internal AmazonS3Client S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dynalite = await DynaliteServer.StartAsync();
        _s3rver = await S3rverServer.StartAsync();
        Options = new IntegrationOptions { DynamoDbEndpoint = _dynalite.Endpoint, S3Endpoint = _s3rver.Endpoint };
        DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("dummy", "dummy"), new AmazonDynamoDBConfig { ServiceURL = _dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        S3 = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
        {
            ServiceURL = _s3rver.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        await DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await S3.PutBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        DynamoDb.Dispose();
        S3.Dispose();
        await _dynalite!.DisposeAsync();
        await _s3rver!.DisposeAsync();
    }
}
