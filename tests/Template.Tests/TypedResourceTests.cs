namespace Template.Tests;

public sealed class TypedResourceTests
{
    private static readonly TemplateOptions Options = new()
    {
        StackName = "shop",
        ParameterOverrides = ParameterOverrides.Parse("JwtIssuer=http://127.0.0.1:3000/_local/issuer", "JwtAudience=web,cli"),
    };

    private static Task<SamTemplate> LoadAsync() => SamTemplate.LoadAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "app.yaml"), Options);

    [Fact]
    public async Task Functions_GlobalsAndOwnProperties_Typed()
    {
        var function = (await LoadAsync()).Functions.Single(f => f.LogicalId == "CreateOrderFunction");

        Assert.Equal("shop-CreateOrderFunction", function.Name);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:shop-CreateOrderFunction", function.Arn);
        Assert.Equal("functions/Orders.Api", function.CodeUri);
        Assert.Equal("Orders.Api", function.Handler);
        Assert.Equal("dotnet10", function.Runtime);
        Assert.Equal(512, function.MemorySize);
        Assert.Equal(30, function.Timeout);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ORDERS_TABLE"] = "shop-OrdersTable",
                ["WORKERS_HANDLER"] = "CreateOrder",
                ["SAGA_ARN"] = "arn:aws:states:us-east-1:123456789012:stateMachine:shop-order-saga",
            },
            function.Environment);
        Assert.Equal("shop-OrdersTable", function.Policies![0]!["DynamoDBCrudPolicy"]!["TableName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Functions_HttpApiEvents_TypedWithApiMethodPathAndAuth()
    {
        var events = (await LoadAsync()).Functions.Single(f => f.LogicalId == "CreateOrderFunction").HttpApiEvents;

        Assert.Equal(
            ["Create Api POST /orders (inherit)", "Decide Api POST /approvals/{approvalId}/approve (Approvers)"],
            events.Select(e => $"{e.Name} {e.ApiLogicalId} {e.Method} {e.Path} ({e.Authorizer ?? "inherit"})"));
        Assert.Equal(["approvals/decide"], events[1].AuthorizationScopes);
        Assert.Equal("2.0", events[0].PayloadFormatVersion);
    }

    [Fact]
    public async Task Functions_SqsEvent_TypedWithQueueArnBatchSizeAndResponseTypes()
    {
        var sqs = (await LoadAsync()).Functions.Single(f => f.LogicalId == "ConsumerFunction").SqsEvents.Single();

        Assert.Equal("Requests", sqs.Name);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:shop-ApprovalQueue", sqs.QueueArn);
        Assert.Equal(5, sqs.BatchSize);
        Assert.Equal(["ReportBatchItemFailures"], sqs.FunctionResponseTypes);
    }

    [Fact]
    public async Task HttpApis_Authorizers_TypedWithIssuerAndAudiences()
    {
        var api = (await LoadAsync()).HttpApis.Single(a => a.LogicalId == "Api");
        var authorizer = api.Authorizers["Approvers"];

        Assert.Equal("dev", api.StageName);
        Assert.Equal("$request.header.Authorization", authorizer.IdentitySource);
        Assert.Equal("http://127.0.0.1:3000/_local/issuer", authorizer.Issuer);
        Assert.Equal(["web", "cli"], authorizer.Audiences);
    }

    [Fact]
    public async Task HttpApis_Routes_CollectedFromFunctionEvents()
    {
        var api = (await LoadAsync()).HttpApis.Single(a => a.LogicalId == "Api");

        Assert.Equal(
            ["POST /orders -> shop-CreateOrderFunction (none)", "POST /approvals/{approvalId}/approve -> shop-CreateOrderFunction (Approvers)"],
            api.Routes.Select(r => $"{r.RouteKey} -> {r.FunctionName} ({r.Authorizer ?? "none"})"));
    }

    [Fact]
    public async Task HttpApis_EventWithoutApiId_AttachesToImplicitServerlessHttpApi()
    {
        var api = (await LoadAsync()).HttpApis.Single(a => a.LogicalId == "ServerlessHttpApi");

        var route = Assert.Single(api.Routes);
        Assert.Equal("$default", route.RouteKey);
        Assert.Equal("CatchAllFunction", route.FunctionLogicalId);
    }

    [Fact]
    public async Task StateMachines_DefinitionAndSubstitutions_ResolvedToLocalArns()
    {
        var template = await LoadAsync();
        var machine = template.StateMachines.Single();

        Assert.Equal("shop-order-saga", machine.Name);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:shop-order-saga", machine.Arn);
        Assert.Equal("EXPRESS", machine.Type);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Fixtures", "statemachines", "order-saga.asl.json"), machine.DefinitionPath);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CreateOrderFunctionArn"] = "arn:aws:lambda:us-east-1:123456789012:function:shop-CreateOrderFunction",
                ["OrdersTableName"] = "shop-OrdersTable",
                ["Threshold"] = "1000",
            },
            machine.DefinitionSubstitutions);
    }

    [Fact]
    public async Task Tables_KeySchemaAttributesIndexesAndTtl_Typed()
    {
        var table = (await LoadAsync()).Tables.Single(t => t.LogicalId == "OrdersTable");

        Assert.Equal("shop-OrdersTable", table.TableName);
        Assert.Equal([new KeySchemaElement("orderId", "HASH")], table.KeySchema);
        Assert.Equal([new AttributeDefinition("orderId", "S"), new AttributeDefinition("status", "S")], table.AttributeDefinitions);
        Assert.Equal("byStatus", table.GlobalSecondaryIndexes![0]!["IndexName"]!.GetValue<string>());
        Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
        Assert.Equal("expiresAt", table.TimeToLiveAttribute);
    }

    [Fact]
    public async Task Tables_SimpleTable_PrimaryKeyBecomesHashKey()
    {
        var table = (await LoadAsync()).Tables.Single(t => t.LogicalId == "SessionsTable");

        Assert.Equal("sessions-dev", table.TableName);
        Assert.Equal([new KeySchemaElement("sessionId", "HASH")], table.KeySchema);
        Assert.Equal([new AttributeDefinition("sessionId", "N")], table.AttributeDefinitions);
        Assert.Equal("PAY_PER_REQUEST", table.BillingMode);
    }

    [Fact]
    public async Task Queues_RedrivePolicy_PointsAtTheDeadLetterQueue()
    {
        var queues = (await LoadAsync()).Queues;
        var main = queues.Single(q => q.LogicalId == "ApprovalQueue");
        var deadLetter = queues.Single(q => q.LogicalId == "ApprovalDeadLetterQueue");

        Assert.Equal(180, main.VisibilityTimeout);
        Assert.Equal(deadLetter.Arn, main.DeadLetterTargetArn);
        Assert.Equal(3, main.MaxReceiveCount);
        Assert.Equal("shop-approvals-dlq", deadLetter.QueueName);
        Assert.Equal(1209600, deadLetter.MessageRetentionPeriod);
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789012/shop-approvals-dlq", deadLetter.QueueUrl);
    }

    [Fact]
    public async Task Topics_Subscriptions_Typed()
    {
        var topic = (await LoadAsync()).Topics.Single();

        Assert.Equal("arn:aws:sns:us-east-1:123456789012:shop-ReviewTopic", topic.Arn);
        Assert.Equal([new TopicSubscription("sqs", "arn:aws:sqs:us-east-1:123456789012:shop-ApprovalQueue")], topic.Subscriptions);
    }

    [Fact]
    public async Task Buckets_Name_LowerCasedAsS3Requires()
    {
        var bucket = (await LoadAsync()).Buckets.Single();

        Assert.Equal("shop-etlbucket", bucket.BucketName);
        Assert.Equal("arn:aws:s3:::shop-etlbucket", bucket.Arn);
    }

    [Fact]
    public async Task Outputs_Values_ResolvedToLocalNames()
    {
        var template = await LoadAsync();
        var apiId = template.HttpApis.Single(a => a.LogicalId == "Api").ApiId;

        Assert.Equal($"https://{apiId}.execute-api.us-east-1.amazonaws.com/dev", template.Outputs["ApiUrl"]);
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789012/shop-ApprovalQueue", template.Outputs["QueueUrl"]);
    }
}
