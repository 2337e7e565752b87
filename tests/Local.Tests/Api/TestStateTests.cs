using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>TestState through the pip AWS CLI and the JavaScript SDK, with the <c>sync-</c> host prefix turned off.</summary>
public sealed class TestStateTests
{
    private const string ChargeTask = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge"},
         "ResultSelector":{"amount.$":"$.Payload.amount"},"ResultPath":"$.charge","Next":"Ship",
         "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":2}],
         "Catch":[{"ErrorEquals":["PaymentDeclined"],"ResultPath":"$.error","Next":"Declined"}]}
        """;

    private const string Router = """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","Choices":[{"Variable":"$.total","NumericGreaterThan":100,"Next":"Approve"}],"Default":"Ship"},
          "Approve":{"Type":"Succeed"},"Ship":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task TestState_PassStateThroughPipCli_OutputAndNextState()
    {
        await using var server = await TestServer.StartAsync();
        const string Pass = """{"Type":"Pass","Parameters":{"id.$":"$.orderId","checked":true},"Next":"Charge"}""";

        var result = await AwsCli.RunAsync(AwsCli.Pip, server, "test-state", "--definition", Pass, "--role-arn", TestServer.RoleArn, "--input", """{"orderId":"o-1"}""");

        Assert.Equal("SUCCEEDED", (string)result.Json["status"]!);
        Assert.Equal("Charge", (string)result.Json["nextState"]!);
        Assert.Equal("""{"id":"o-1","checked":true}""", (string)result.Json["output"]!);
    }

    [Fact]
    public async Task TestState_TaskWithMockedResult_ResultSelectedAndPlaced()
    {
        await using var server = await TestServer.StartAsync();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject
        {
            ["definition"] = ChargeTask,
            ["input"] = """{"orderId":"o-1"}""",
            ["mock"] = new JsonObject { ["result"] = """{"Payload":{"amount":42}}""" },
        })]))[0]!["output"]!;

        Assert.Equal(("SUCCEEDED", "Ship"), ((string)result["status"]!, (string)result["nextState"]!));
        Assert.Equal("""{"orderId":"o-1","charge":{"amount":42}}""", (string)result["output"]!);
    }

    [Fact]
    public async Task TestState_MockedErrorMatchingRetrier_RetriableWithBackoff()
    {
        await using var server = await TestServer.StartAsync();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject
        {
            ["definition"] = ChargeTask,
            ["inspectionLevel"] = "DEBUG",
            ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Lambda.TooManyRequestsException", ["cause"] = "slow down" } },
            ["stateConfiguration"] = new JsonObject { ["retrierRetryCount"] = 1 },
        })]))[0]!["output"]!;

        Assert.Equal("RETRIABLE", (string)result["status"]!);
        Assert.Equal(6, (double)result["inspectionData"]!["errorDetails"]!["retryBackoffIntervalSeconds"]!);
    }

    [Fact]
    public async Task TestState_MockedErrorCaught_CaughtErrorToCatchTarget()
    {
        await using var server = await TestServer.StartAsync();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject
        {
            ["definition"] = ChargeTask,
            ["input"] = """{"orderId":"o-1"}""",
            ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "PaymentDeclined", ["cause"] = "card expired" } },
        })]))[0]!["output"]!;

        Assert.Equal(("CAUGHT_ERROR", "Declined", "PaymentDeclined"), ((string)result["status"]!, (string)result["nextState"]!, (string)result["error"]!));
        Assert.Equal("""{"orderId":"o-1","error":{"Error":"PaymentDeclined","Cause":"card expired"}}""", (string)result["output"]!);
    }

    [Fact]
    public async Task TestState_ChoiceInWholeMachine_NextStateChosenByInput()
    {
        await using var server = await TestServer.StartAsync();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject { ["definition"] = Router, ["stateName"] = "Route", ["input"] = """{"total":250}""" })]))[0]!["output"]!;

        Assert.Equal(("SUCCEEDED", "Approve"), ((string)result["status"]!, (string)result["nextState"]!));
    }

    [Fact]
    public async Task TestState_CallbackTaskWithoutMock_ValidationException()
    {
        await using var server = await TestServer.StartAsync();
        var callback = JsonNode.Parse(Definitions.Callback)!["States"]!["AwaitApproval"]!.ToJsonString();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject { ["definition"] = callback })]))[0]!;

        Assert.Equal("ValidationException", (string)result["name"]!);
    }
}
