using System.Net;
using System.Text.Json.Nodes;
using Asl;
using StepFunctions.Local;

namespace Local.Tests.Api;

/// <summary>Step Functions Local's configuration variables and the server's request limits.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task CreateStateMachine_AccountAndRegionFromEnvironment_ArnsUseThem()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string> { ["AWS_ACCOUNT_ID"] = "111122223333", ["AWS_DEFAULT_REGION"] = "eu-west-1" });

        var machine = await server.CreateStateMachineAsync("orders", Definitions.PassChain);
        var execution = await server.StartExecutionAsync(machine, "o-1");

        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:orders", machine);
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:execution:orders:o-1", execution);
    }

    [Fact]
    public void FromEnvironment_EndpointAndWaitScaleVariables_Read()
    {
        var options = StepFunctionsServerOptions.FromEnvironment(name => name switch
        {
            "LAMBDA_ENDPOINT" => "http://127.0.0.1:3001",
            "WAIT_TIME_SCALE" => "0.5",
            _ => null,
        });

        Assert.Equal("http://127.0.0.1:3001", options.ServiceEndpoints["LAMBDA_ENDPOINT"]);
        Assert.Equal(0.5, Assert.IsType<RealClock>(options.Clock).WaitTimeScale);
        Assert.Equal(StepFunctionsServerOptions.DefaultPort, options.Port);
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_RequestEntityTooLarge()
    {
        await using var server = await TestServer.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Server.Endpoint) { Content = new StringContent(new string(' ', StepFunctionsServer.MaxRequestBytes + 1)) };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.ListStateMachines");

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", (string)body["__type"]!);
    }
}
