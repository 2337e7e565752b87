using System.Net;
using System.Net.Sockets;
using System.Text;
using Asl;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>bedrock:invokeModel answered by a MockConfigFile, by a configured loopback endpoint, and with neither.</summary>
public sealed class BedrockIntegrationTests
{
    private const string Invoke = """{"StartAt":"Classify","States":{"Classify":{"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel","Parameters":{"ModelId":"amazon.titan-text-express-v1","Body":{"inputText":"great product"}},"End":true}}}""";

    [Fact]
    public async Task InvokeModel_MockConfigTestCase_ReturnsTheMockedBody()
    {
        var mocks = MockConfiguration.Parse(
            """
            {"StateMachines":{"Sentiment":{"TestCases":{"Positive":{"Classify":"PositiveModel"}}}},
             "MockedResponses":{"PositiveModel":{"0":{"Return":{"Body":{"results":[{"outputText":"POSITIVE"}]},"ContentType":"application/json"}}}}}
            """,
            "MockConfigFile.json");
        using var harness = new IntegrationHarness(new IntegrationOptions(), mocks);

        var execution = await harness.RunAsync(Invoke, machineName: "Sentiment", testCase: "Positive");

        Assert.Equal("POSITIVE", IntegrationHarness.Output(execution)["Body"]!["results"]![0]!["outputText"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeModel_ConfiguredEndpoint_PostsTheBodyAndParsesTheAnswer()
    {
        using var model = new LoopbackModel("""{"results":[{"outputText":"NEGATIVE"}]}""");
        using var harness = new IntegrationHarness(new IntegrationOptions { BedrockEndpoint = model.Endpoint });

        var execution = await harness.RunAsync(Invoke);
        var request = await model.Request;

        Assert.Equal(("/model/amazon.titan-text-express-v1/invoke", """{"inputText":"great product"}"""), request);
        Assert.Equal("NEGATIVE", IntegrationHarness.Output(execution)["Body"]!["results"]![0]!["outputText"]!.GetValue<string>());
        Assert.Equal("application/json", IntegrationHarness.Output(execution)["ContentType"]!.GetValue<string>());
        Assert.Equal(("bedrock", "invokeModel"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task InvokeModel_NoEndpointAndNoMock_FailsTellingHowToConfigureOne()
    {
        using var harness = new IntegrationHarness(new IntegrationOptions());

        var execution = await harness.RunAsync(Invoke);

        Assert.Equal(ErrorNames.Runtime, execution.Error);
        Assert.Contains("BEDROCK_ENDPOINT", execution.Cause, StringComparison.Ordinal);
    }

    /// <summary>A one-request HTTP model server on a free loopback port, standing in for Bedrock Runtime.</summary>
    private sealed class LoopbackModel : IDisposable
    {
        private readonly HttpListener _listener = new();

        public LoopbackModel(string answer)
        {
            var port = FreePort();
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            Request = AnswerAsync(answer);
        }

        public Uri Endpoint { get; }

        public Task<(string Path, string Body)> Request { get; }

        public void Dispose() => _listener.Close();

        private async Task<(string, string)> AnswerAsync(string answer)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return (context.Request.Url!.AbsolutePath, body);
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
