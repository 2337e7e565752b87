using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>The optimized dynamodb:* and the generic aws-sdk:dynamodb:* integrations through the engine against dynalite.</summary>
public sealed class DynamoDbIntegrationTests(StandInsFixture standIns) : IClassFixture<StandInsFixture>, IDisposable
{
    private readonly IntegrationHarness _harness = new(standIns.Options);

    [Fact]
    public async Task PutItemThenGetItem_Optimized_ReturnsTheItemWithSdkMetadata()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"Orders","Item":{"id":{"S":"get-1"},"total":{"N":"42"}}},"ResultPath":null,"Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"Orders","Key":{"id":{"S":"get-1"}}},"End":true}}}
            """);

        var output = IntegrationHarness.Output(execution);
        Assert.Equal("""{"id":{"S":"get-1"},"total":{"N":"42"}}""", output["Item"]!.ToJsonString());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Equal(("dynamodb", "putItem"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task UpdateItem_Optimized_ReturnsUpdatedAttributes()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::dynamodb:updateItem",
            """{"TableName":"Orders","Key":{"id":{"S":"upd-1"}},"UpdateExpression":"SET #s = :s","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":s":{"S":"PAID"}},"ReturnValues":"UPDATED_NEW"}"""));

        Assert.Equal("""{"status":{"S":"PAID"}}""", IntegrationHarness.Output(execution)["Attributes"]!.ToJsonString());
        Assert.Equal(("dynamodb", "updateItem"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task DeleteItem_Optimized_ReturnsOnlySdkMetadata()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::dynamodb:deleteItem", """{"TableName":"Orders","Key":{"id":{"S":"gone"}}}"""));

        Assert.Equal(["SdkHttpMetadata", "SdkResponseMetadata"], IntegrationHarness.Output(execution).AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task PutItem_ConditionFails_FailsWithConditionalCheckFailedInJavaSdkWording()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"Orders","Item":{"id":{"S":"cond-1"}}},"ResultPath":null,"Next":"PutAgain"},
              "PutAgain":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"Orders","Item":{"id":{"S":"cond-1"}},"ConditionExpression":"attribute_not_exists(id)"},"End":true}}}
            """);

        Assert.Equal("DynamoDB.ConditionalCheckFailedException", execution.Error);
        Assert.StartsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: ", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetItem_MissingTable_FailsWithResourceNotFound()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::dynamodb:getItem", """{"TableName":"Missing","Key":{"id":{"S":"x"}}}"""));

        Assert.Equal("DynamoDB.ResourceNotFoundException", execution.Error);
        Assert.Contains("Error Code: ResourceNotFoundException", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetItem_InvalidKey_FailsWithAmazonDynamoDBException()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::dynamodb:getItem", """{"TableName":"Orders","Key":{"wrong":{"S":"x"}}}"""));

        Assert.Equal("DynamoDB.AmazonDynamoDBException", execution.Error);
        Assert.Contains("Error Code: ValidationException", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsSdkQuery_AnyAction_ReturnsTheBareResponse()
    {
        await standIns.DynamoDb.PutItemAsync(StandInsFixture.Table, new() { ["id"] = new("query-1") });

        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::aws-sdk:dynamodb:query",
            """{"TableName":"Orders","KeyConditionExpression":"id = :id","ExpressionAttributeValues":{":id":{"S":"query-1"}}}"""));

        var output = IntegrationHarness.Output(execution);
        Assert.Equal((1, """[{"id":{"S":"query-1"}}]"""), (output["Count"]!.GetValue<int>(), output["Items"]!.ToJsonString()));
        Assert.Null(output["SdkHttpMetadata"]);
        Assert.Equal(("aws-sdk:dynamodb", "query"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task AwsSdkPutItem_ConditionFails_FailsWithSdkV2NameAndCause()
    {
        await standIns.DynamoDb.PutItemAsync(StandInsFixture.Table, new() { ["id"] = new("sdk-cond-1") });

        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::aws-sdk:dynamodb:putItem",
            """{"TableName":"Orders","Item":{"id":{"S":"sdk-cond-1"}},"ConditionExpression":"attribute_not_exists(id)"}"""));

        Assert.Equal("DynamoDb.ConditionalCheckFailedException", execution.Error);
        Assert.StartsWith("The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: ", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsSdkAction_UnknownToTheService_FailsWithDynamoDbException()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", """{"TransactItems":[]}"""));

        Assert.Equal("DynamoDb.DynamoDbException", execution.Error);
    }

    [Fact]
    public async Task AwsSdkDescribeTable_CaughtError_RoutesToCatch()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"Describe","States":{
              "Describe":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:describeTable","Parameters":{"TableName":"Nope"},
                "Catch":[{"ErrorEquals":["DynamoDb.ResourceNotFoundException"],"Next":"Missing"}],"End":true},
              "Missing":{"Type":"Pass","Parameters":{"error.$":"$.Error"},"End":true}}}
            """);

        Assert.Equal("""{"error":"DynamoDb.ResourceNotFoundException"}""", IntegrationHarness.Output(execution).ToJsonString());
    }

    public void Dispose() => _harness.Dispose();
}
