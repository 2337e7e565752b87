using System.Text.Json.Nodes;
using Asl;

namespace Local.Tests.Api;

/// <summary>The AWS SDK for JavaScript v3 (@aws-sdk/client-sfn) against the server.</summary>
public sealed class JsSdkTests
{
    private const string OrdersArn = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

    public static TheoryData<string, string, string, string> Errors => new()
    {
        { "StartExecution", """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:nope"}""", "StateMachineDoesNotExist", "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:nope'" },
        { "StartExecution", $$"""{"stateMachineArn":"{{OrdersArn}}","name":"done","input":"{\"other\":1}"}""", "ExecutionAlreadyExists", "Execution Already Exists: 'arn:aws:states:us-east-1:123456789012:execution:orders:done'" },
        { "StartExecution", $$"""{"stateMachineArn":"{{OrdersArn}}","input":"{not json"}""", "InvalidExecutionInput", "Invalid State Machine Execution Input: '" },
        { "StartExecution", $$"""{"stateMachineArn":"{{OrdersArn}}","name":"has space"}""", "InvalidName", "Invalid Name: 'has space'" },
        { "DescribeExecution", """{"executionArn":"abc"}""", "InvalidArn", "Invalid Arn: 'Invalid ARN prefix: abc'" },
        { "DescribeExecution", """{"executionArn":"arn:aws:states:us-east-1:123456789012:express:greeter:x:1"}""", "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'" },
        { "CreateStateMachine", $$"""{"name":"orders","definition":{{JsonValue.Create(Definitions.Callback).ToJsonString()}},"roleArn":"{{TestServer.RoleArn}}"}""", "StateMachineAlreadyExists", $"State Machine Already Exists: '{OrdersArn}'" },
        { "UpdateStateMachine", $$"""{"stateMachineArn":"{{OrdersArn}}"}""", "MissingRequiredParameter", "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified" },
        { "ListExecutions", $$"""{"stateMachineArn":"{{OrdersArn}}","maxResults":1001}""", "ValidationException", "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000" },
        { "ListExecutions", "{}", "ValidationException", "Must provide a StateMachine ARN or MapRun ARN" },
        { "ListExecutions", """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:greeter"}""", "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine" },
        { "StartSyncExecution", $$"""{"stateMachineArn":"{{OrdersArn}}"}""", "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine" },
        { "SendTaskSuccess", """{"taskToken":"forged","output":"{}"}""", "InvalidToken", "Invalid Token: 'forged'" },
        { "GetExecutionHistory", """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:orders:done","nextToken":"forged"}""", "InvalidToken", "Invalid Token: 'forged'" },
        { "TagResource", """{"resourceArn":"arn:aws:states:us-east-1:123456789012:stateMachine:nope","tags":[{"key":"a","value":"b"}]}""", "ResourceNotFound", "Resource not found: 'arn:aws:states:us-east-1:123456789012:stateMachine:nope'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Operation_InvalidRequest_AwsErrorNameAndMessage(string operation, string input, string expectedName, string expectedMessage)
    {
        await using var server = await TestServer.StartAsync();
        await server.CompletedAsync(await server.StartExecutionAsync(await server.CreateStateMachineAsync("orders", Definitions.PassChain), "done"));
        await server.CreateStateMachineAsync("greeter", Definitions.ExpressGreeting, "EXPRESS");

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call(operation, JsonNode.Parse(input)!.AsObject())]))[0]!;

        Assert.False((bool)result["ok"]!);
        Assert.Equal(expectedName, (string)result["name"]!);
        Assert.StartsWith(expectedMessage, (string)result["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_JsSdk_DescribeAndListReturnIt()
    {
        await using var server = await TestServer.StartAsync();

        var results = await JsSdk.RunAsync(server,
        [
            JsSdk.Call("CreateStateMachine", new JsonObject { ["name"] = "orders", ["definition"] = Definitions.PassChain, ["roleArn"] = TestServer.RoleArn, ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "payments" }) }),
            JsSdk.Call("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = OrdersArn }),
            JsSdk.Call("ListStateMachines", []),
            JsSdk.Call("ListTagsForResource", new JsonObject { ["resourceArn"] = OrdersArn }),
        ]);

        Assert.Equal(OrdersArn, (string)results[0]!["output"]!["stateMachineArn"]!);
        Assert.Equal("ACTIVE", (string)results[1]!["output"]!["status"]!);
        Assert.Equal(["orders"], results[2]!["output"]!["stateMachines"]!.AsArray().Select(m => (string)m!["name"]!));
        Assert.Equal("payments", (string)results[3]!["output"]!["tags"]![0]!["value"]!);
    }

    [Fact]
    public async Task GetExecutionHistory_JsSdkPaginatorPagesOfThree_EveryEventOnceInOrder()
    {
        await using var server = await TestServer.StartAsync();
        var execution = await server.StartExecutionAsync(await server.CreateStateMachineAsync("orders", Definitions.PassChain), "order-1");
        await server.CompletedAsync(execution);

        var pages = (await JsSdk.RunAsync(server, [new JsonObject { ["op"] = "paginate:GetExecutionHistory", ["pageSize"] = 3, ["input"] = new JsonObject { ["executionArn"] = execution } }]))[0]!["output"]!.AsArray();

        Assert.Equal([3, 3, 2], pages.Select(p => p!["events"]!.AsArray().Count));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], pages.SelectMany(p => p!["events"]!.AsArray()).Select(e => (int)e!["id"]!));
    }

    [Fact]
    public async Task GetExecutionHistory_JsSdkWithoutExecutionData_StateNamesKeptInputOmitted()
    {
        await using var server = await TestServer.StartAsync();
        var execution = await server.StartExecutionAsync(await server.CreateStateMachineAsync("orders", Definitions.PassChain), "order-1", """{"card":"4111"}""");
        await server.CompletedAsync(execution);

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["includeExecutionData"] = false, ["reverseOrder"] = true, ["maxResults"] = 2 })]))[0]!["output"]!;

        Assert.Equal(["ExecutionSucceeded", "PassStateExited"], result["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.Equal("Third", (string)result["events"]![1]!["stateExitedEventDetails"]!["name"]!);
        Assert.DoesNotContain("4111", result.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(result["nextToken"]);
    }

    [Fact]
    public async Task StartExecution_SameNameAndInputWhileRunning_SameExecutionReturned()
    {
        await using var server = await TestServer.StartAsync();
        await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var start = new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:approvals", ["name"] = "once", ["input"] = """{"a":1}""" };

        var results = await JsSdk.RunAsync(server, [JsSdk.Call("StartExecution", start), JsSdk.Call("StartExecution", start.DeepClone().AsObject())]);

        Assert.True((bool)results[1]!["ok"]!);
        Assert.Equal((string)results[0]!["output"]!["executionArn"]!, (string)results[1]!["output"]!["executionArn"]!);
        Assert.Equal((string)results[0]!["output"]!["startDate"]!, (string)results[1]!["output"]!["startDate"]!);
    }

    [Fact]
    public async Task SendTaskSuccess_JsSdk_ExecutionSucceedsWithCallbackOutput()
    {
        await using var server = await TestServer.StartAsync();
        var execution = await server.StartExecutionAsync(await server.CreateStateMachineAsync("approvals", Definitions.Callback), "approval-1");
        var token = await server.NextTaskTokenAsync();

        var results = await JsSdk.RunAsync(server,
        [
            JsSdk.Call("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token }),
            JsSdk.Call("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"by":"alice"}""" }),
            JsSdk.Call("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"by":"bob"}""" }),
        ]);
        var completed = await server.CompletedAsync(execution);

        Assert.True((bool)results[0]!["ok"]!);
        Assert.Equal("TaskDoesNotExist", (string)results[2]!["name"]!);
        Assert.Equal("""{"approval":{"by":"alice"}}""", completed.Output!.ToJsonString());
    }

    [Fact]
    public async Task SendTaskFailure_JsSdk_ExecutionFailsWithErrorAndCause()
    {
        await using var server = await TestServer.StartAsync();
        var execution = await server.StartExecutionAsync(await server.CreateStateMachineAsync("approvals", Definitions.Callback), "approval-1");
        var token = await server.NextTaskTokenAsync();

        await JsSdk.RunAsync(server, [JsSdk.Call("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = "Rejected", ["cause"] = "over budget" })]);
        var completed = await server.CompletedAsync(execution);

        Assert.Equal(ExecutionStatus.Failed, completed.Status);
        Assert.Equal(("Rejected", "over budget"), (completed.Error, completed.Cause));
    }

    [Fact]
    public async Task StartSyncExecution_JsSdkExpress_SucceededOutputAndFailedError()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("greeter", Definitions.ExpressGreeting, "EXPRESS");

        var results = await JsSdk.RunAsync(server,
        [
            JsSdk.Call("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"who":"world"}""" }),
            JsSdk.Call("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"who":"nobody"}""" }),
        ]);

        Assert.Equal(("SUCCEEDED", """{"greeting":"hello world"}"""), ((string)results[0]!["output"]!["status"]!, (string)results[0]!["output"]!["output"]!));
        Assert.Equal(("FAILED", "Nobody", "no one to greet"), ((string)results[1]!["output"]!["status"]!, (string)results[1]!["output"]!["error"]!, (string)results[1]!["output"]!["cause"]!));
    }
}
