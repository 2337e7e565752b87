using System.Globalization;
using System.Text.Json;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaApplicationTests
{
    private const string TraceHeader = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    private static readonly Dictionary<string, string?> FunctionVariables = new()
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "order-saga-validate",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/order-saga-validate",
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/21/[$LATEST]abc123",
        ["POWERTOOLS_TRACE_DISABLED"] = "true",
    };

    [Fact]
    public async Task RunAsync_Invocation_PostsSerializedResponse()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", post.Path);
        Assert.Equal("""{"message":"Hello, Ada"}""", post.Body);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiHeaders_ReachTheContext()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-ctx", """{"name":"Ada"}""", new Dictionary<string, string>
        {
            ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:order-saga-validate",
            ["Lambda-Runtime-Trace-Id"] = TraceHeader,
            ["Lambda-Runtime-Client-Context"] = """{"client":{"app_title":"shop"},"custom":{},"env":{}}""",
            ["Lambda-Runtime-Cognito-Identity"] = """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""",
            ["Lambda-Runtime-Aws-Tenant-Id"] = "tenant-7",
        });
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Snapshot", FunctionVariables);

        var snapshot = JsonSerializer.Deserialize((await api.NextPostAsync()).Body, LambdaTestJson.Default.ContextSnapshot)!;

        Assert.Equal(
            new ContextSnapshot(
                "req-ctx",
                "arn:aws:lambda:us-east-1:123456789012:function:order-saga-validate",
                TraceHeader,
                """{"client":{"app_title":"shop"},"custom":{},"env":{}}""",
                """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""",
                "tenant-7",
                "order-saga-validate",
                "$LATEST",
                512,
                "/aws/lambda/order-saga-validate",
                "2026/11/21/[$LATEST]abc123",
                0,
                TraceHeader),
            snapshot with { RemainingSeconds = 0 });
    }

    [Fact]
    public async Task RunAsync_DeadlineHeader_BecomesRemainingTime()
    {
        await using var api = RuntimeApiStub.Start();
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds();
        api.Enqueue("req-deadline", """{"name":"Ada"}""", new Dictionary<string, string>
        {
            ["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture),
        });
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Snapshot", FunctionVariables);

        var snapshot = JsonSerializer.Deserialize((await api.NextPostAsync()).Body, LambdaTestJson.Default.ContextSnapshot)!;

        Assert.InRange(snapshot.RemainingSeconds, 240, 300);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorDocumentNamedAfterTheException()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-fail", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Decline", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-fail/error", post.Path);
        Assert.Equal("PaymentDeclinedException", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Headers["Content-Type"]);
        Assert.Equal("PaymentDeclinedException", post.Json.GetProperty("errorType").GetString());
        Assert.Equal("card of Ada declined", post.Json.GetProperty("errorMessage").GetString());
        Assert.Contains(
            post.Json.GetProperty("stackTrace").EnumerateArray(),
            line => line.GetString()!.Contains("DeclineAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ExceptionWithInnerException_NestsItAsCause()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-cause", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "DeclineWithCause", FunctionVariables);

        var cause = (await api.NextPostAsync()).Json.GetProperty("cause");

        Assert.Equal("TimeoutException", cause.GetProperty("errorType").GetString());
        Assert.Equal("gateway timed out", cause.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RunAsync_AfterAFailedInvocation_ServesTheNextOne()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-bad", "{not json");
        api.Enqueue("req-good", """{"name":"Grace"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        var first = await api.NextPostAsync();
        var second = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-bad/error", first.Path);
        Assert.Equal("/2018-06-01/runtime/invocation/req-good/response", second.Path);
        Assert.Equal("""{"message":"Hello, Grace"}""", second.Body);
    }

    [Fact]
    public async Task RunAsync_EventNotMatchingTheInputType_ReportsJsonSerializerException()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-json", """{"name": 42}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("JsonSerializerException", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.StartsWith(
            "Error converting the Lambda event JSON payload to type Workers.Tests.GreetInput: ",
            post.Json.GetProperty("errorMessage").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("JsonException", post.Json.GetProperty("cause").GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task RunAsync_JsonNullEvent_ReportsJsonSerializerException()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-null", "null");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("JsonSerializerException", post.Json.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task RunAsync_HandlerWithoutResult_PostsEmptyResponse()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-void", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Forget", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-void/response", post.Path);
        Assert.Equal("", post.Body);
    }

    [Fact]
    public async Task RunAsync_UnknownHandler_ReportsInitErrorNamingTheRegisteredHandlers()
    {
        await using var api = RuntimeApiStub.Start();
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "ChargePayment", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("UnknownHandlerException", post.Json.GetProperty("errorType").GetString());
        Assert.Equal(
            "WORKERS_HANDLER 'ChargePayment' is not a registered handler. Registered handlers: Greet, Snapshot, Decline, DeclineWithCause, Forget.",
            post.Json.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RunAsync_ErrorDocument_EscapesOnlyWhatJsonRequires()
    {
        await using var api = RuntimeApiStub.Start();
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "<ChargePayment>", FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.Contains("WORKERS_HANDLER '<ChargePayment>' is not", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownHandler_ExitsNonZero()
    {
        await using var api = RuntimeApiStub.Start();
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "ChargePayment", FunctionVariables);

        Assert.Equal(LambdaApplication.ExitInitFailed, await run.ExitCodeAsync());
    }

    [Fact]
    public async Task RunAsync_MissingHandlerVariable_ReportsInitError()
    {
        await using var api = RuntimeApiStub.Start();
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, handler: null, FunctionVariables);

        var post = await api.NextPostAsync();

        Assert.StartsWith("WORKERS_HANDLER is not set.", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ShutdownRequested_ExitsZeroWhileWaitingForAnEvent()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);
        await api.NextPostAsync();

        Assert.Equal(LambdaApplication.ExitShutdown, await run.StopAsync());
    }

    [Fact]
    public async Task RunAsync_RuntimeApiAnswers500_ExitsWithRuntimeApiFailure()
    {
        await using var api = RuntimeApiStub.Start();
        api.PostStatus = 500;
        api.Enqueue("req-1", """{"name":"Ada"}""");
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        Assert.Equal(LambdaApplication.ExitRuntimeApiFailed, await run.ExitCodeAsync());
    }

    [Fact]
    public void Handle_DuplicateName_ThrowsArgumentException()
    {
        var app = LambdaTestHandlers.App();

        var error = Assert.Throws<ArgumentException>(() => app.Handle(
            "Greet", (GreetInput _, ILambdaContext _) => Task.CompletedTask, LambdaTestJson.Default.GreetInput));

        Assert.StartsWith("A handler named 'Greet' is already registered.", error.Message, StringComparison.Ordinal);
    }
}
