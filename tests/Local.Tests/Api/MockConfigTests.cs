using System.Text.Json.Nodes;
using Asl;

namespace Local.Tests.Api;

/// <summary>Step Functions Local's MockConfigFile.json, loaded from SFN_MOCK_CONFIG and selected with <c>#TestCase</c> ARNs.</summary>
public sealed class MockConfigTests : IDisposable
{
    private const string MockConfig = """
        {
          "StateMachines": {
            "orders": {
              "TestCases": {
                "HappyPath": { "Charge": "ChargeOk", "Ship": "ShipOk" },
                "Declined": { "Charge": "ChargeDeclined" }
              }
            }
          },
          "MockedResponses": {
            "ChargeOk": { "0": { "Return": { "Payload": { "amount": 42 } } } },
            "ShipOk": { "0": { "Return": { "Payload": { "shipped": true } } } },
            "ChargeDeclined": { "0": { "Throw": { "Error": "PaymentDeclined", "Cause": "card expired" } } }
          }
        }
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"mock-config-{Guid.NewGuid():N}.json");

    public MockConfigTests() => File.WriteAllText(_file, MockConfig);

    [Fact]
    public async Task StartExecution_HappyPathTestCaseThroughJsSdk_MockedReturnsFlowThrough()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string> { ["SFN_MOCK_CONFIG"] = _file });
        var machine = await server.CreateStateMachineAsync("orders", Definitions.MockedOrder);

        var started = (await JsSdk.RunAsync(server, [JsSdk.Call("StartExecution", new JsonObject { ["stateMachineArn"] = machine + "#HappyPath", ["name"] = "order-1" })]))[0]!;
        var completed = await server.CompletedAsync((string)started["output"]!["executionArn"]!);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:orders:order-1", (string)started["output"]!["executionArn"]!);
        Assert.Equal(ExecutionStatus.Succeeded, completed.Status);
        Assert.Equal("""{"shipped":true}""", completed.Output!.ToJsonString());
    }

    [Fact]
    public async Task StartExecution_DeclinedTestCaseThroughCli_CaughtErrorEndsInFailState()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string> { ["SFN_MOCK_CONFIG"] = _file });
        var machine = await server.CreateStateMachineAsync("orders", Definitions.MockedOrder);

        var started = await AwsCli.RunAsync(server, "start-execution", "--state-machine-arn", machine + "#Declined");
        var completed = await server.CompletedAsync((string)started.Json["executionArn"]!);

        Assert.Equal(ExecutionStatus.Failed, completed.Status);
        Assert.Equal("OrderDeclined", completed.Error);
    }

    [Fact]
    public async Task StartExecution_TestCaseWithoutMockConfig_ValidationExceptionNamingTheFix()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", Definitions.MockedOrder);

        var result = (await JsSdk.RunAsync(server, [JsSdk.Call("StartExecution", new JsonObject { ["stateMachineArn"] = machine + "#HappyPath" })]))[0]!;

        Assert.Equal("ValidationException", (string)result["name"]!);
        Assert.Contains("SFN_MOCK_CONFIG", (string)result["message"]!, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
