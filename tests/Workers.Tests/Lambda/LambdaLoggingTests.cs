using System.Globalization;
using System.Text.Json;

namespace Workers.Tests;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaLoggingTests
{
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
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-log", """{"name":"Ada"}""", TraceHeaders);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", Variables);
        await api.NextPostAsync();

        var entry = LogEntry(run, "greeting Ada");

        Assert.Equal(
            ("Information", "order-saga", true, "orders", "req-log", "1-5bef4de7-ad49b0e87f6ef6c87fc2e700",
                "arn:aws:lambda:us-east-1:123456789012:function:orders"),
            (entry.GetProperty("level").GetString(), entry.GetProperty("service").GetString(), entry.GetProperty("cold_start").GetBoolean(),
                entry.GetProperty("function_name").GetString(), entry.GetProperty("function_request_id").GetString(),
                entry.GetProperty("xray_trace_id").GetString(), entry.GetProperty("function_arn").GetString()));
    }

    [Fact]
    public async Task RunAsync_ContextLogger_WritesAnIsoTimestamp()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-log", """{"name":"Ada"}""", TraceHeaders);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", Variables);
        await api.NextPostAsync();

        var timestamp = LogEntry(run, "greeting Ada").GetProperty("timestamp").GetString()!;

        Assert.True(DateTimeOffset.TryParseExact(timestamp, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), timestamp);
    }

    [Fact]
    public async Task RunAsync_SecondInvocation_LogsWarmStart()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", """{"name":"Ada"}""", TraceHeaders);
        api.Enqueue("req-2", """{"name":"Grace"}""", TraceHeaders);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", Variables);
        await api.NextPostAsync();
        await api.NextPostAsync();

        Assert.False(LogEntry(run, "greeting Grace").GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_LogLevelWarning_DropsInformationEntries()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-quiet", """{"name":"Ada"}""", TraceHeaders);
        await using var run = LambdaRun.Start(
            LambdaTestHandlers.App(), api, "Greet", new Dictionary<string, string?>(Variables) { ["POWERTOOLS_LOG_LEVEL"] = "WARN" });
        await api.NextPostAsync();

        Assert.DoesNotContain(run.LogLines, line => line.Contains("greeting Ada", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LogsTheExceptionAtErrorLevel()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-fail", """{"name":"Ada"}""", TraceHeaders);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Decline", Variables);
        await api.NextPostAsync();

        var entry = LogEntry(run, "PaymentDeclinedException");

        Assert.Equal(("Error", "req-fail"), (entry.GetProperty("level").GetString(), entry.GetProperty("function_request_id").GetString()));
    }

    [Fact]
    public async Task RunAsync_WithoutServiceName_LogsServiceUndefined()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-log", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(
            LambdaTestHandlers.App(), api, "Greet", new Dictionary<string, string?> { ["POWERTOOLS_TRACE_DISABLED"] = "true" });
        await api.NextPostAsync();

        Assert.Equal("service_undefined", LogEntry(run, "greeting Ada").GetProperty("service").GetString());
    }

    private static JsonElement LogEntry(LambdaRun run, string messagePart) =>
        run.LogLines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .First(entry => entry.GetProperty("message").GetString()!.Contains(messagePart, StringComparison.Ordinal));
}
