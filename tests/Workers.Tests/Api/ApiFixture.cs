using System.Text;
using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Approvals;
using Asl;
using Orders.Api;
using StepFunctions.Local;
using Workers.StepFunctions;

namespace Workers.Tests;

/// <summary>
/// The APIs against real components: dynalite for the tables and the local Step Functions server (a Step Functions
/// Local drop-in) for executions and task-token callbacks. Its one machine waits on a callback task whose tokens the
/// tests take, standing in for the order saga and the approval workflow.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private const string CallbackResource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    private const string WaitingMachine = """
        {"StartAt":"WaitForDecision","States":{"WaitForDecision":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/approvals","MessageBody":{"taskToken.$":"$$.Task.Token"}},"End":true}}}
        """;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _tokens = new(StringComparer.Ordinal);
    private StepFunctionsServer? _server;

    public DynaliteFixture Dynalite { get; } = new();

    public StepFunctionsServer Server => _server ?? throw new InvalidOperationException("not started");

    public StepFunctionsClient StepFunctions { get; private set; } = null!;

    public string StateMachineArn { get; private set; } = null!;

    public OrdersApi Orders { get; private set; } = null!;

    public string OrdersTable { get; private set; } = null!;

    public ApprovalsService Approvals { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Dynalite.InitializeAsync();
        var handlers = new TaskHandlerRegistry().Register(CallbackResource, invocation =>
        {
            Token(invocation.ExecutionArn).TrySetResult(invocation.TaskToken!);
            return JsonNode.Parse("""{"MessageId":"m-1"}""");
        });
        _server = await StepFunctionsServer.StartAsync(new StepFunctionsServerOptions { Port = 0, Clock = new RealClock(0), TaskHandler = handlers });
        StepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions
        {
            ServiceUrl = _server.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("dummy", "dummy"),
        });
        StateMachineArn = (await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "workers-order-saga",
            ["definition"] = WaitingMachine,
            ["roleArn"] = "arn:aws:iam::123456789012:role/StepFunctions",
        }))["stateMachineArn"]!.GetValue<string>();

        OrdersTable = await Dynalite.CreateTableAsync("orders", "orderId");
        var approvalsTable = await CreateApprovalsTableAsync();
        var idempotencyTable = await Dynalite.CreateIdempotencyTableAsync();
        Orders = new OrdersApi(Dynalite.Client, StepFunctions, new OrdersSettings(OrdersTable, StateMachineArn));
        Approvals = new ApprovalsService(Dynalite.Client, StepFunctions, new ApprovalsSettings(approvalsTable, idempotencyTable));
    }

    public async Task DisposeAsync()
    {
        StepFunctions.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Dynalite.DisposeAsync();
    }

    /// <summary>Starts a waiting execution and returns its ARN and the task token its callback task handed out.</summary>
    public async Task<(string ExecutionArn, string TaskToken)> StartWaitingExecutionAsync()
    {
        var started = await StepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Input = "{}" });
        var token = await Token(started.ExecutionArn).Task.WaitAsync(TimeSpan.FromSeconds(60));
        return (started.ExecutionArn, token);
    }

    /// <summary>Waits (on the engine's completion signal; the timeout is a safety net) for the execution to end.</summary>
    public async Task<Execution> CompletedAsync(string executionArn)
    {
        var execution = Server.Api.Engine.FindExecution(executionArn)!;
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return execution;
    }

    // Order tests start executions on the same machine; keying tokens by execution keeps each test to its own.
    private TaskCompletionSource<string> Token(string executionArn) =>
        _tokens.GetOrAdd(executionArn, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var response = await Server.Api.InvokeAsync("AWSStepFunctions." + operation, Encoding.UTF8.GetBytes(request.ToJsonString()));
        return JsonNode.Parse(response.Body.Span)!.AsObject();
    }

    private async Task<string> CreateApprovalsTableAsync()
    {
        var name = $"approvals-{Guid.NewGuid():N}";
        await Dynalite.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("approvalId", "S"), new AttributeDefinition("status", "S")],
            KeySchema = [new KeySchemaElement("approvalId", Amazon.DynamoDBv2.KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = ApprovalTable.StatusIndex,
                    KeySchema = [new KeySchemaElement("status", Amazon.DynamoDBv2.KeyType.HASH)],
                    Projection = new Projection { ProjectionType = Amazon.DynamoDBv2.ProjectionType.ALL },
                },
            ],
        });

        // A new table is CREATING until dynalite's next tick; each poll is a round trip, not a wall-clock sleep.
        for (var poll = 0; poll < 1000 && (await Dynalite.Client.DescribeTableAsync(name)).Table.TableStatus != Amazon.DynamoDBv2.TableStatus.ACTIVE; poll++)
        {
        }

        return name;
    }
}
