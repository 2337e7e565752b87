using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Approvals;
using Asl;
using OrderSaga.Workers;
using Orders.Api;
using StandIns;
using StepFunctions.Integrations;
using StepFunctions.Local;
using Template;
using Workers.Lambda;
using Workers.StepFunctions;

namespace StateMachines.Tests;

/// <summary>
/// The order saga as deployed, on one machine: template.yaml read by the local template reader, its tables created
/// in a real dynalite, its queues and topics in the in-process broker, the order-saga and approval machines on the
/// local Step Functions server with a virtual clock, every <c>lambda:invoke</c> answered by the real handler class
/// in-process (<see cref="InProcessFunctions"/>), the direct DynamoDB tasks sent to dynalite by the real
/// DynamoDbIntegration, and the Orders and Approvals APIs calling the server over HTTP as they do on AWS.
/// </summary>
public sealed class SagaCloud : IAsyncLifetime
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(60);

    private DynaliteServer? _dynalite;
    private ServiceIntegrations? _integrations;
    private StepFunctionsServer? _server;
    private StepFunctionsClient? _stepFunctions;
    private LocalQueue? _reviewInbox;
    private InProcessFunctions? _functions;
    private global::Template.SamTemplate? _template;

    /// <summary>The engine's clock: retries and waits pass at once; a task waiting for a callback holds it until a test advances it.</summary>
    public VirtualClock Clock { get; } = new(autoAdvance: true);

    /// <summary>A client on dynalite.</summary>
    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    /// <summary>The tables the saga writes, by the names its functions are configured with.</summary>
    public SagaTables Tables { get; private set; } = null!;

    /// <summary>The saga workers, configured from the template's environment for them.</summary>
    public SagaWorkers Workers { get; private set; } = null!;

    /// <summary>POST /orders and GET /orders/{orderId}.</summary>
    public OrdersApi Orders { get; private set; } = null!;

    /// <summary>The approvals consumer and routes.</summary>
    public ApprovalsService Approvals { get; private set; } = null!;

    /// <summary>The in-process functions, to inject lost responses.</summary>
    internal InProcessFunctions Functions => _functions!;

    /// <summary>The queue the approval machine sends requests to.</summary>
    public LocalQueue ApprovalQueue { get; private set; } = null!;

    /// <summary>How long a waiting approval may go without a heartbeat: the template's ApprovalHeartbeatSeconds.</summary>
    public TimeSpan ApprovalHeartbeat => TimeSpan.FromSeconds(int.Parse(Template.Parameters["ApprovalHeartbeatSeconds"], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The order saga's ARN.</summary>
    public string OrderSagaArn { get; private set; } = null!;

    private StepFunctionsServer Server => _server!;

    // template.yaml, resolved with local names (stack "local").
    private global::Template.SamTemplate Template => _template!;

    public async Task InitializeAsync()
    {
        _template = await global::Template.SamTemplate.LoadAsync(Path.Combine(RepositoryRoot.Find(), "template.yaml"), new TemplateOptions
        {
            ParameterOverrides = ParameterOverrides.Parse("JwtIssuer=http://127.0.0.1/issuer", "JwtAudience=workers"),
        });
        _dynalite = await DynaliteServer.StartAsync();
        DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("dummy", "dummy"), new AmazonDynamoDBConfig
        {
            ServiceURL = _dynalite.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        foreach (var table in Template.Tables)
        {
            await CreateTableAsync(table);
        }

        var broker = new LocalMessageBroker(clock: Clock);
        foreach (var queue in Template.Queues.OrderBy(q => q.DeadLetterTargetArn is not null))
        {
            var deadLetter = queue.DeadLetterTargetArn is { } target ? broker.FindQueue(target) : null;
            broker.CreateQueue(queue.QueueName, TimeSpan.FromSeconds(queue.VisibilityTimeout), deadLetter, queue.MaxReceiveCount ?? 0);
        }

        foreach (var topic in Template.Topics)
        {
            broker.CreateTopic(topic.TopicName);
        }

        ApprovalQueue = broker.FindQueue(Resource("ApprovalQueue"))!;
        _reviewInbox = broker.CreateQueue("review-inbox");
        broker.FindTopic(Resource("ReviewTopic"))!.Subscribe(_reviewInbox, rawMessageDelivery: true);

        _functions = new InProcessFunctions(Template.Functions);
        var nested = new EngineStateMachines(() => Server.Api.Engine);
        _integrations = new ServiceIntegrations(new IntegrationOptions { DynamoDbEndpoint = _dynalite.Endpoint }, nested, broker);
        _integrations.Registry.Register("arn:aws:states:::lambda:invoke", _functions);
        _server = await StepFunctionsServer.StartAsync(new StepFunctionsServerOptions { Port = 0, Clock = Clock, TaskHandler = _integrations });
        _stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions
        {
            ServiceUrl = _server.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("dummy", "dummy"),
        });

        var saga = Machine("OrderSagaStateMachine");
        OrderSagaArn = (await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = saga.Name,
            ["definition"] = await DefinitionAsync(saga),
            ["roleArn"] = "arn:aws:iam::123456789012:role/OrderSagaStateMachineRole",
        }))["stateMachineArn"]!.GetValue<string>();
        var approval = Machine("ApprovalStateMachine");
        nested.Add(Server.Api.Engine.CreateStateMachine(approval.Name, await DefinitionAsync(approval)));

        var sagaSettings = SagaSettings.FromEnvironment(FunctionEnvironment("ReserveInventoryFunction"));
        Workers = new SagaWorkers(DynamoDb, sagaSettings);
        Orders = new OrdersApi(DynamoDb, _stepFunctions, OrdersSettings.FromEnvironment(FunctionEnvironment("CreateOrderFunction")));
        Approvals = new ApprovalsService(DynamoDb, _stepFunctions, ApprovalsSettings.FromEnvironment(FunctionEnvironment("DecideApprovalFunction")));
        Tables = new SagaTables(DynamoDb, Resource("OrdersTable"), Resource("ApprovalsTable"), sagaSettings);
        RegisterHandlers();
    }

    public async Task DisposeAsync()
    {
        _stepFunctions?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _integrations?.Dispose();
        DynamoDb?.Dispose();
        if (_dynalite is not null)
        {
            await _dynalite.DisposeAsync();
        }
    }

    /// <summary>POST /orders with this body, as API Gateway delivers it.</summary>
    public Task<APIGatewayHttpApiV2ProxyResponse> PostOrderAsync(string body) =>
        Orders.CreateOrder.HandleAsync(Http.Request("POST", "/orders", body), new TestLambdaContext());

    /// <summary>Starts the saga directly (not through the API), as a console user or a redrive would.</summary>
    public async Task<Execution> StartSagaAsync(string input, string name)
    {
        var started = await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = OrderSagaArn, ["input"] = input, ["name"] = name });
        return Server.Api.Engine.FindExecution(started["executionArn"]!.GetValue<string>())!;
    }

    /// <summary>Waits (on the execution's completion signal; the timeout is a safety net) for the order's saga to end.</summary>
    public async Task<Execution> CompletedAsync(string orderId) => await CompletedExecutionAsync($"order-{orderId}");

    /// <summary>Waits for the execution of the order saga with this name to end.</summary>
    public async Task<Execution> CompletedExecutionAsync(string name)
    {
        var execution = Server.Api.Engine.FindExecution(OrderSagaArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name)
            ?? throw new InvalidOperationException($"no execution {name}");
        await execution.Completion.WaitAsync(SafetyNet);
        return execution;
    }

    /// <summary>
    /// Plays the approval queue's event source mapping once: receives the waiting requests (returns as soon as one is
    /// there), hands them to the RecordApprovalRequest handler as an SQS event and deletes the ones it stored.
    /// </summary>
    public async Task<SQSBatchResponse> DeliverApprovalRequestsAsync()
    {
        var messages = await ApprovalQueue.ReceiveAsync(10, SafetyNet);
        var response = await Approvals.RecordApprovalRequest.HandleAsync(
            new SQSEvent
            {
                Records = [.. messages.Select(m => new SQSEvent.SQSMessage
                {
                    MessageId = m.MessageId,
                    ReceiptHandle = m.ReceiptHandle,
                    Body = m.Body,
                    Md5OfBody = m.MD5OfBody,
                    EventSource = "aws:sqs",
                    EventSourceArn = ApprovalQueue.Arn,
                    AwsRegion = "us-east-1",
                })],
            },
            new TestLambdaContext { RemainingTime = TimeSpan.FromSeconds(30) });
        foreach (var message in messages.Where(m => response.BatchItemFailures.All(f => f.ItemIdentifier != m.MessageId)))
        {
            ApprovalQueue.Delete(message.ReceiptHandle);
        }

        return response;
    }

    /// <summary>POST /approvals/{approvalId}/approve or /reject by an authenticated approver.</summary>
    public Task<APIGatewayHttpApiV2ProxyResponse> DecideAsync(string approvalId, string decision, string approver, string? reason = null) =>
        Approvals.DecideApproval.HandleAsync(
            Http.Request("POST", $"/approvals/{approvalId}/{decision}", reason is null ? null : new JsonObject { ["reason"] = reason }.ToJsonString(), approvalId, approver),
            new TestLambdaContext());

    /// <summary>The fraud reviews published to the review topic so far, as JSON messages.</summary>
    public async Task<IReadOnlyList<JsonNode>> ReviewsPublishedAsync()
    {
        var messages = await _reviewInbox!.ReceiveAsync(10);
        foreach (var message in messages)
        {
            _reviewInbox.Delete(message.ReceiptHandle);
        }

        return [.. messages.Select(m => JsonNode.Parse(m.Body)!)];
    }

    private void RegisterHandlers()
    {
        var json = SagaJson.Default;
        _functions!
            .Handle("ValidateOrder", InProcessLambda.Typed(Workers.ValidateOrder.HandleAsync, json.Order, json.ValidateOrderResult))
            .Handle("ReserveInventory", InProcessLambda.Typed(Workers.ReserveInventory.HandleAsync, json.Order, json.ReservationResult))
            .Handle("ChargePayment", InProcessLambda.Typed(Workers.ChargePayment.HandleAsync, json.Order, json.PaymentResult))
            .Handle("CreateShipment", InProcessLambda.Typed(Workers.CreateShipment.HandleAsync, json.Order, json.ShipmentResult))
            .Handle("CancelShipment", InProcessLambda.Typed(Workers.CancelShipment.HandleAsync, json.Order, json.CompensationResult))
            .Handle("RefundPayment", InProcessLambda.Typed(Workers.RefundPayment.HandleAsync, json.Order, json.CompensationResult))
            .Handle("ReleaseInventory", InProcessLambda.Typed(Workers.ReleaseInventory.HandleAsync, json.Order, json.CompensationResult));
    }

    private string Resource(string logicalId) =>
        Template.Resources.First(r => r.LogicalId == logicalId).Physical.Ref;

    private StateMachineResource Machine(string logicalId) => Template.StateMachines.First(m => m.LogicalId == logicalId);

    private Func<string, string?> FunctionEnvironment(string functionLogicalId) =>
        Template.Functions.First(f => f.LogicalId == functionLogicalId).Environment.GetValueOrDefault;

    private static async Task<string> DefinitionAsync(StateMachineResource machine)
    {
        var definition = await File.ReadAllTextAsync(machine.DefinitionPath!);
        return machine.DefinitionSubstitutions.Aggregate(definition, (text, pair) => text.Replace("${" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
    }

    private async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var response = await Server.Api.InvokeAsync("AWSStepFunctions." + operation, System.Text.Encoding.UTF8.GetBytes(request.ToJsonString()));
        var body = JsonNode.Parse(response.Body.Span)!.AsObject();
        return response.StatusCode == 200 ? body : throw new InvalidOperationException($"{operation}: {body.ToJsonString()}");
    }

    private async Task CreateTableAsync(TableResource table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [.. table.AttributeDefinitions.Select(a => new Amazon.DynamoDBv2.Model.AttributeDefinition(a.AttributeName, a.AttributeType))],
            KeySchema = [.. table.KeySchema.Select(k => new Amazon.DynamoDBv2.Model.KeySchemaElement(k.AttributeName, k.KeyType))],
        };
        if (table.GlobalSecondaryIndexes is { Count: > 0 } indexes)
        {
            request.GlobalSecondaryIndexes = [.. indexes.OfType<JsonObject>().Select(index => new GlobalSecondaryIndex
            {
                IndexName = (string?)index["IndexName"],
                KeySchema = [.. index["KeySchema"]!.AsArray().OfType<JsonObject>().Select(k => new Amazon.DynamoDBv2.Model.KeySchemaElement((string?)k["AttributeName"], (string?)k["KeyType"]))],
                Projection = new Projection { ProjectionType = (string?)index["Projection"]?["ProjectionType"] ?? "ALL" },
            })];
        }

        await DynamoDb.CreateTableAsync(request);

        // A new table is CREATING until dynalite's next tick; each poll is a round trip, not a wall-clock sleep.
        for (var poll = 0; poll < 1000 && (await DynamoDb.DescribeTableAsync(table.TableName)).Table.TableStatus != TableStatus.ACTIVE; poll++)
        {
        }
    }

}
