using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Local.Tests.Api;

namespace Local.Tests.Up;

/// <summary>The ETL and sentiment workflows of a running <c>up</c>, started with the clients the README names.</summary>
[Collection(UpCollection.Name)]
public sealed class UpWorkflowTests(UpFixture fixture)
{
    [Fact]
    public async Task StartExecution_EtlOverSeededCsv_LoadsValidRowsAndWritesResults()
    {
        var cli = new StepFunctionsCli(fixture.Up.SfnEndpoint);
        var executionArn = await cli.StartExecutionAsync("etl", new JsonObject { ["bucket"] = "local-etlbucket", ["key"] = "input/products.csv" });

        var execution = await cli.WaitForExecutionAsync(executionArn);

        using var dynamoDb = fixture.Up.DynamoDb();
        using var s3 = fixture.Up.S3();
        var products = await dynamoDb.ScanAsync(new ScanRequest { TableName = "local-ProductsTable", Select = Select.COUNT, ConsistentRead = true });
        var rejectedRow = await dynamoDb.GetItemAsync("local-ProductsTable", new() { ["productId"] = new AttributeValue("P-0050") });
        var results = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = "local-etlbucket", Prefix = "etl-results/" });
        Assert.Equal("SUCCEEDED", (string?)execution["status"]);
        Assert.Equal("""{"read":250,"loaded":245,"rejected":5,"failedBatches":0}""", (string?)execution["output"]);
        Assert.Equal(245, products.Count);
        Assert.False(rejectedRow.IsItemSet);
        Assert.Contains(results.S3Objects, o => o.Key.EndsWith("/manifest.json", StringComparison.Ordinal));
        Assert.Contains(results.S3Objects, o => o.Key.EndsWith("/SUCCEEDED_0.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartSyncExecution_SentimentWithLocalModel_StoresVerdictsAndPublishesNegative()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var reviews = new JsonArray(
            Review($"neg-{run}", "It broke after a day, terrible."),
            Review($"pos-{run}", "Great kettle, I love it."),
            Review($"neu-{run}", "It is a kettle."));
        var call = JsSdk.Call("StartSyncExecution", new JsonObject
        {
            ["stateMachineArn"] = StepFunctionsCli.StateMachineArn("sentiment"),
            ["input"] = new JsonObject { ["reviews"] = reviews }.ToJsonString(),
        });

        var result = (await JsSdk.RunAsync(fixture.Up.SfnEndpoint, [call]))[0]!;

        using var dynamoDb = fixture.Up.DynamoDb();
        var negative = await dynamoDb.GetItemAsync("local-ReviewsTable", new() { ["reviewId"] = new AttributeValue($"neg-{run}") }, consistentRead: true);
        var positive = await dynamoDb.GetItemAsync("local-ReviewsTable", new() { ["reviewId"] = new AttributeValue($"pos-{run}") }, consistentRead: true);
        var output = JsonNode.Parse((string)result["output"]!["output"]!)!;
        Assert.Equal("SUCCEEDED", (string?)result["output"]!["status"]);
        Assert.Equal(1, (int?)output["negative"]);
        Assert.Equal(1, (int?)output["published"]);
        Assert.Equal(0, (int?)output["failed"]);
        Assert.Equal("negative", negative.Item["sentiment"].S);
        Assert.Equal("positive", positive.Item["sentiment"].S);
    }

    private static JsonObject Review(string reviewId, string text) => new() { ["reviewId"] = reviewId, ["productId"] = "P-0001", ["text"] = text };
}
