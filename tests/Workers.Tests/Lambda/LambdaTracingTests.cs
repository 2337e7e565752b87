using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaTracingTests : IDisposable
{
    private const string Root = "1-5bef4de7-ad49b0e87f6ef6c87fc2e700";
    private const string Parent = "9a9197af755a6419";

    private readonly UdpClient _daemon = new(new IPEndPoint(IPAddress.Loopback, 0));

    [Fact]
    public async Task RunAsync_SampledInvocation_SendsDaemonHeaderThenDocument()
    {
        await InvokeAsync("Greet", Trace(sampled: true), Variables());

        var (header, _) = await ReceiveAsync();

        Assert.Equal("""{"format":"json","version":1}""", header);
    }

    [Fact]
    public async Task RunAsync_SampledInvocation_SendsHandlerSubsegmentUnderTheFacade()
    {
        await InvokeAsync("Greet", Trace(sampled: true), Variables());

        var (_, document) = await ReceiveAsync();

        Assert.Equal(
            ("## Greet", Root, Parent, "subsegment", "order-saga"),
            (document.GetProperty("name").GetString(), document.GetProperty("trace_id").GetString(),
                document.GetProperty("parent_id").GetString(), document.GetProperty("type").GetString(),
                document.GetProperty("namespace").GetString()));
    }

    [Fact]
    public async Task RunAsync_FirstInvocation_AnnotatesColdStartAndService()
    {
        await InvokeAsync("Greet", Trace(sampled: true), Variables());

        var annotations = (await ReceiveAsync()).Document.GetProperty("annotations");

        Assert.Equal((true, "order-saga"), (annotations.GetProperty("ColdStart").GetBoolean(), annotations.GetProperty("Service").GetString()));
    }

    [Fact]
    public async Task RunAsync_SecondInvocation_AnnotatesWarmStart()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", """{"name":"Ada"}""", Trace(sampled: true));
        api.Enqueue("req-2", """{"name":"Grace"}""", Trace(sampled: true));
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", Variables());
        await api.NextPostAsync();
        await api.NextPostAsync();
        await ReceiveAsync();

        var annotations = (await ReceiveAsync()).Document.GetProperty("annotations");

        Assert.False(annotations.GetProperty("ColdStart").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_SampledInvocation_RecordsTheResponseAsMetadata()
    {
        await InvokeAsync("Greet", Trace(sampled: true), Variables());

        var metadata = (await ReceiveAsync()).Document.GetProperty("metadata");

        Assert.Equal("Hello, Ada", metadata.GetProperty("order-saga").GetProperty("Greet response").GetProperty("message").GetString());
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_MarksTheSubsegmentAsFault()
    {
        await InvokeAsync("Decline", Trace(sampled: true), Variables());

        var document = (await ReceiveAsync()).Document;

        Assert.Equal(
            (true, "PaymentDeclinedException"),
            (document.GetProperty("fault").GetBoolean(),
                document.GetProperty("cause").GetProperty("exceptions")[0].GetProperty("type").GetString()));
    }

    [Fact]
    public async Task RunAsync_ActivityStartedByTheHandler_BecomesANestedSubsegment()
    {
        var app = LambdaTestHandlers.App().Handle("Nested", ChargeAsync, LambdaTestJson.Default.GreetInput);
        await LambdaRun.InvokeOnceAsync(app, "Nested", """{"name":"Ada"}""", Trace(sampled: true), Variables());

        var nested = (await ReceiveAsync()).Document;
        var handler = (await ReceiveAsync()).Document;

        Assert.Equal(
            ("charge", handler.GetProperty("id").GetString(), "stripe"),
            (nested.GetProperty("name").GetString(), nested.GetProperty("parent_id").GetString(),
                nested.GetProperty("annotations").GetProperty("gateway").GetString()));
    }

    [Fact]
    public async Task RunAsync_TraceDisabled_SendsNothing()
    {
        await InvokeAsync("Greet", Trace(sampled: true), new Dictionary<string, string?>(Variables()) { ["POWERTOOLS_TRACE_DISABLED"] = "true" });

        Assert.Equal(0, _daemon.Available);
    }

    [Fact]
    public async Task RunAsync_NotSampled_SendsNothing()
    {
        await InvokeAsync("Greet", Trace(sampled: false), Variables());

        Assert.Equal(0, _daemon.Available);
    }

    [Fact]
    public async Task RunAsync_NoTraceHeader_SendsNothing()
    {
        await InvokeAsync("Greet", null, Variables());

        Assert.Equal(0, _daemon.Available);
    }

    public void Dispose() => _daemon.Dispose();

    private static Task InvokeAsync(string handler, IReadOnlyDictionary<string, string>? headers, IReadOnlyDictionary<string, string?> variables) =>
        LambdaRun.InvokeOnceAsync(LambdaTestHandlers.App(), handler, """{"name":"Ada"}""", headers, variables);

    private static Task ChargeAsync(GreetInput input, ILambdaContext context)
    {
        using var charge = LambdaTracing.Source.StartActivity("charge");
        charge?.SetTag("gateway", "stripe");
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Trace(bool sampled) => new()
    {
        ["Lambda-Runtime-Trace-Id"] = $"Root={Root};Parent={Parent};Sampled={(sampled ? 1 : 0)}",
    };

    private Dictionary<string, string?> Variables() => new()
    {
        ["POWERTOOLS_SERVICE_NAME"] = "order-saga",
        ["AWS_XRAY_DAEMON_ADDRESS"] = $"127.0.0.1:{((IPEndPoint)_daemon.Client.LocalEndPoint!).Port}",
    };

    private async Task<(string Header, JsonElement Document)> ReceiveAsync()
    {
        var datagram = await _daemon.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(datagram.Buffer);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (text[..newline], JsonDocument.Parse(text[(newline + 1)..]).RootElement);
    }
}
