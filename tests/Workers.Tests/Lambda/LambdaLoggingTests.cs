using System.Globalization;
using System.Text.Json;

namespace Workers.Tests;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaLoggingTests
{
    private const string Ada = """{"name":"Ada"}""";

    private static readonly Dictionary<string, string> TraceHeaders = new()
    {
        ["Lambda-Runtime-Trace-Id"] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
        ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
    };

    private static readonly Dictionary<string, string?> Variables = new()
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "orders",
        ["POWERTOOLS_SERVICE_NAME"] = "order-saga",
        ["POWERTOOLS_TRACE_DISABLED"] = "true",
    };

    [Fact]
    public async Task RunAsync_ContextLogger_WritesPowertoolsJsonLine()
    {
        var entry = LogEntry(await InvokeAsync("Greet", Variables), "greeting Ada");

        Assert.Equal(
            ("Information", "order-saga", true, "orders", "req-1", "1-5bef4de7-ad49b0e87f6ef6c87fc2e700",
                "arn:aws:lambda:us-east-1:123456789012:function:orders"),
            (entry.GetProperty("level").GetString(), entry.GetProperty("service").GetString(), entry.GetProperty("cold_start").GetBoolean(),
                entry.GetProperty("function_name").GetString(), entry.GetProperty("function_request_id").GetString(),
                entry.GetProperty("xray_trace_id").GetString(), entry.GetProperty("function_arn").GetString()));
    }

    [Fact]
    public async Task RunAsync_ContextLogger_WritesAnIsoTimestamp()
    {
        var timestamp = LogEntry(await InvokeAsync("Greet", Variables), "greeting Ada").GetProperty("timestamp").GetString()!;

        Assert.True(DateTimeOffset.TryParseExact(timestamp, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), timestamp);
    }

    [Fact]
    public async Task RunAsync_SecondInvocation_LogsWarmStart()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", Ada, TraceHeaders);
        api.Enqueue("req-2", """{"name":"Grace"}""", TraceHeaders);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", Variables);
        await api.NextPostAsync();
        await api.NextPostAsync();

        Assert.False(LogEntry(run.LogLines, "greeting Grace").GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_LogLevelWarning_DropsInformationEntries()
    {
        var lines = await InvokeAsync("Greet", new Dictionary<string, string?>(Variables) { ["POWERTOOLS_LOG_LEVEL"] = "WARN" });

        Assert.DoesNotContain(lines, line => line.Contains("greeting Ada", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LogsTheExceptionAtErrorLevel()
    {
        var entry = LogEntry(await InvokeAsync("Decline", Variables), "PaymentDeclinedException");

        Assert.Equal(("Error", "req-1"), (entry.GetProperty("level").GetString(), entry.GetProperty("function_request_id").GetString()));
    }

    [Fact]
    public async Task RunAsync_WithoutServiceName_LogsServiceUndefined()
    {
        var lines = await InvokeAsync("Greet", new Dictionary<string, string?> { ["POWERTOOLS_TRACE_DISABLED"] = "true" });

        Assert.Equal("service_undefined", LogEntry(lines, "greeting Ada").GetProperty("service").GetString());
    }

    private static async Task<IReadOnlyList<string>> InvokeAsync(string handler, IReadOnlyDictionary<string, string?> variables) =>
        (await LambdaRun.InvokeOnceAsync(LambdaTestHandlers.App(), handler, Ada, TraceHeaders, variables)).LogLines;

    private static JsonElement LogEntry(IReadOnlyList<string> lines, string messagePart) =>
        lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .First(entry => entry.GetProperty("message").GetString()!.Contains(messagePart, StringComparison.Ordinal));
}
