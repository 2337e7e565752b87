using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>TestState's inspectionData at each level, with the keys and values AWS reports per state type.</summary>
public sealed class TestStateInspectionTests
{
    private const string IoPass = """
        {"Type":"Pass","InputPath":"$.initialData","Parameters":{"staticValue":"some value","inputValue.$":"$.fieldFromInput"},
         "ResultPath":"$.modifiedData","End":true}
        """;

    private const string IoInput = """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}""";

    private const string ChargeTask = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.order","Parameters":{"FunctionName":"charge","Payload.$":"$"},
         "ResultSelector":{"amount.$":"$.Payload.amount"},"ResultPath":"$.charge","OutputPath":"$.charge","Next":"Ship",
         "Catch":[{"ErrorEquals":["Timeout"],"Next":"Wait"},{"ErrorEquals":["PaymentDeclined"],"ResultPath":"$.error","Next":"Declined"}]}
        """;

    [Fact]
    public async Task TestState_InfoLevel_NoInspectionData()
    {
        await using var server = await TestServer.StartAsync();

        var result = await TestStateAsync(server, new JsonObject { ["definition"] = IoPass, ["input"] = IoInput });

        Assert.Equal("SUCCEEDED", (string)result["status"]!);
        Assert.Null(result["inspectionData"]);
    }

    [Fact]
    public async Task TestState_PassWithPathsAtDebug_EveryStageAsAwsReportsIt()
    {
        await using var server = await TestServer.StartAsync();

        var data = (await TestStateAsync(server, new JsonObject { ["definition"] = IoPass, ["input"] = IoInput, ["inspectionLevel"] = "DEBUG" }))["inspectionData"]!;

        Assert.Equal(["input", "afterInputPath", "afterParameters", "afterResultSelector", "afterResultPath"], Keys(data));
        Assert.Equal("""{"fieldFromInput":"value from input","otherField":"other"}""", (string)data["afterInputPath"]!);
        Assert.Equal("""{"staticValue":"some value","inputValue":"value from input"}""", (string)data["afterParameters"]!);
        Assert.Equal(
            """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234},"modifiedData":{"staticValue":"some value","inputValue":"value from input"}}""",
            (string)data["afterResultPath"]!);
    }

    [Fact]
    public async Task TestState_PassWithResultAtDebug_ResultReplacesInputStages()
    {
        await using var server = await TestServer.StartAsync();
        const string ResultPass = """{"Type":"Pass","Result":{"resultKey":"result value"},"ResultPath":"$.modifiedData","End":true}""";

        var data = (await TestStateAsync(server, new JsonObject { ["definition"] = ResultPass, ["input"] = IoInput, ["inspectionLevel"] = "DEBUG" }))["inspectionData"]!;

        Assert.Equal(["input", "result", "afterResultSelector", "afterResultPath"], Keys(data));
        Assert.Equal("""{"resultKey":"result value"}""", (string)data["result"]!);
    }

    [Fact]
    public async Task TestState_MockedTaskAtTrace_ParametersResultSelectorAndResultPathStages()
    {
        await using var server = await TestServer.StartAsync();

        var result = await TestStateAsync(server, new JsonObject
        {
            ["definition"] = ChargeTask,
            ["input"] = """{"order":{"id":"o-1"}}""",
            ["inspectionLevel"] = "TRACE",
            ["revealSecrets"] = true,
            ["mock"] = new JsonObject { ["result"] = """{"Payload":{"amount":42}}""" },
        });

        var data = result["inspectionData"]!;
        Assert.Equal(["input", "afterInputPath", "afterParameters", "result", "afterResultSelector", "afterResultPath"], Keys(data));
        Assert.Equal("""{"FunctionName":"charge","Payload":{"id":"o-1"}}""", (string)data["afterParameters"]!);
        Assert.Equal("""{"Payload":{"amount":42}}""", (string)data["result"]!);
        Assert.Equal("""{"amount":42}""", (string)data["afterResultSelector"]!);
        Assert.Equal("""{"order":{"id":"o-1"},"charge":{"amount":42}}""", (string)data["afterResultPath"]!);
        Assert.Equal("""{"amount":42}""", (string)result["output"]!);
    }

    [Fact]
    public async Task TestState_MockedErrorCaughtBySecondCatcherAtDebug_CatchIndexInErrorDetails()
    {
        await using var server = await TestServer.StartAsync();

        var result = await TestStateAsync(server, new JsonObject
        {
            ["definition"] = ChargeTask,
            ["input"] = """{"order":{"id":"o-1"}}""",
            ["inspectionLevel"] = "DEBUG",
            ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "PaymentDeclined", ["cause"] = "card expired" } },
        });

        Assert.Equal(("CAUGHT_ERROR", "Declined"), ((string)result["status"]!, (string)result["nextState"]!));
        Assert.Equal(1, (int)result["inspectionData"]!["errorDetails"]!["catchIndex"]!);
        Assert.Equal(["input", "afterInputPath", "afterParameters", "errorDetails"], Keys(result["inspectionData"]!));
    }

    [Fact]
    public async Task TestState_ChoiceInWholeMachineAtDebug_InputAndAfterInputPathOnly()
    {
        await using var server = await TestServer.StartAsync();
        const string Router = """
            {"StartAt":"Route","States":{
              "Route":{"Type":"Choice","InputPath":"$.order","Choices":[{"Variable":"$.total","NumericGreaterThan":100,"Next":"Approve"}],"Default":"Ship"},
              "Approve":{"Type":"Succeed"},"Ship":{"Type":"Succeed"}}}
            """;

        var result = await TestStateAsync(server, new JsonObject { ["definition"] = Router, ["stateName"] = "Route", ["input"] = """{"order":{"total":250}}""", ["inspectionLevel"] = "DEBUG" });

        Assert.Equal("Approve", (string)result["nextState"]!);
        Assert.Equal(["input", "afterInputPath"], Keys(result["inspectionData"]!));
        Assert.Equal("""{"total":250}""", (string)result["inspectionData"]!["afterInputPath"]!);
    }

    [Fact]
    public async Task TestState_FailStateAtDebug_FailedWithInputStages()
    {
        await using var server = await TestServer.StartAsync();
        const string Fail = """{"Type":"Fail","Error":"SomeFailure","Cause":"always"}""";

        var result = await TestStateAsync(server, new JsonObject { ["definition"] = Fail, ["input"] = """{"a":1}""", ["inspectionLevel"] = "DEBUG" });

        Assert.Equal(("FAILED", "SomeFailure"), ((string)result["status"]!, (string)result["error"]!));
        Assert.Equal(["input", "afterInputPath"], Keys(result["inspectionData"]!));
    }

    [Fact]
    public async Task TestState_VariablesGivenAndAssigned_StateReadsThemAndReportsAll()
    {
        await using var server = await TestServer.StartAsync();
        const string Assigning = """{"Type":"Pass","Parameters":{"total.$":"$price"},"Assign":{"doubled.$":"States.MathAdd($price, $price)"},"End":true}""";

        var result = await TestStateAsync(server, new JsonObject
        {
            ["definition"] = Assigning,
            ["variables"] = """{"price":21}""",
            ["inspectionLevel"] = "DEBUG",
        });

        Assert.Equal("""{"total":21}""", (string)result["output"]!);
        Assert.Equal("""{"price":21,"doubled":42}""", (string)result["inspectionData"]!["variables"]!);
    }

    [Fact]
    public async Task TestState_JsonataTaskAtDebug_AfterArgumentsAndResult()
    {
        await using var server = await TestServer.StartAsync();
        const string Task = """
            {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
             "Arguments":{"FunctionName":"charge","Payload":"{% $states.input.order %}"},"Output":"{% $states.result.Payload %}","End":true}
            """;

        var result = await TestStateAsync(server, new JsonObject
        {
            ["definition"] = Task,
            ["input"] = """{"order":{"id":"o-1"}}""",
            ["inspectionLevel"] = "DEBUG",
            ["mock"] = new JsonObject { ["result"] = """{"Payload":{"ok":true}}""" },
        });

        Assert.Equal(["input", "afterArguments", "result"], Keys(result["inspectionData"]!));
        Assert.Equal("""{"FunctionName":"charge","Payload":{"id":"o-1"}}""", (string)result["inspectionData"]!["afterArguments"]!);
        Assert.Equal("""{"ok":true}""", (string)result["output"]!);
    }

    [Fact]
    public async Task TestState_DebugThroughPipCli_InspectionDataPrinted()
    {
        await using var server = await TestServer.StartAsync();

        var result = await AwsCli.RunAsync(AwsCli.Pip, server, "test-state", "--definition", IoPass, "--role-arn", TestServer.RoleArn, "--input", IoInput, "--inspection-level", "DEBUG");

        Assert.Equal("""{"staticValue":"some value","inputValue":"value from input"}""", (string)result.Json["inspectionData"]!["afterParameters"]!);
    }

    [Fact]
    public async Task TestState_VariablesNotAnObject_ValidationException()
    {
        await using var server = await TestServer.StartAsync();

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", new JsonObject { ["definition"] = IoPass, ["variables"] = "[1]" })]))[0]!;

        Assert.Equal("ValidationException", (string)result["name"]!);
    }

    private static async Task<JsonNode> TestStateAsync(TestServer server, JsonObject request)
    {
        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("TestState", request)]))[0]!;
        return (bool)result["ok"]! ? result["output"]! : throw new InvalidOperationException(result.ToJsonString());
    }

    private static List<string> Keys(JsonNode data) => [.. data.AsObject().Select(p => p.Key)];
}
