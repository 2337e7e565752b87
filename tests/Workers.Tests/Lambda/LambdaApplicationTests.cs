using System.Globalization;
using System.Text.Json;
using Workers.Lambda;

namespace Workers.Tests;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaApplicationTests
{
    private const string Ada = """{"name":"Ada"}""";
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
        var post = await InvokeAsync("Greet", Ada);

        Assert.Equal(
            ("/2018-06-01/runtime/invocation/req-1/response", """{"message":"Hello, Ada"}"""),
            (post.Path, post.Body));
    }

    [Fact]
    public async Task RunAsync_RuntimeApiHeaders_ReachTheContext()
    {
        var post = await InvokeAsync("Snapshot", Ada, new Dictionary<string, string>
        {
            ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:order-saga-validate",
            ["Lambda-Runtime-Trace-Id"] = TraceHeader,
            ["Lambda-Runtime-Client-Context"] = """{"client":{"app_title":"shop"},"custom":{},"env":{}}""",
            ["Lambda-Runtime-Cognito-Identity"] = """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""",
            ["Lambda-Runtime-Aws-Tenant-Id"] = "tenant-7",
        });

        Assert.Equal(
            new ContextSnapshot(
                "req-1",
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
            Snapshot(post) with { RemainingSeconds = 0 });
    }

    [Fact]
    public async Task RunAsync_DeadlineHeader_BecomesRemainingTime()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds();

        var post = await InvokeAsync("Snapshot", Ada, new Dictionary<string, string>
        {
            ["Lambda-Runtime-Deadline-Ms"] = deadline.ToString(CultureInfo.InvariantCulture),
        });

        Assert.InRange(Snapshot(post).RemainingSeconds, 240, 300);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorDocumentNamedAfterTheException()
    {
        var post = await InvokeAsync("Decline", Ada);

        Assert.Equal(
            ("/2018-06-01/runtime/invocation/req-1/error", "PaymentDeclinedException", "application/vnd.aws.lambda.error+json"),
            (post.Path, post.Headers["Lambda-Runtime-Function-Error-Type"], post.Headers["Content-Type"]));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ErrorDocumentCarriesTypeMessageAndStack()
    {
        var error = (await InvokeAsync("Decline", Ada)).Json;

        Assert.Equal(
            ("PaymentDeclinedException", "card of Ada declined"),
            (error.GetProperty("errorType").GetString(), error.GetProperty("errorMessage").GetString()));
        Assert.Contains(
            error.GetProperty("stackTrace").EnumerateArray(),
            line => line.GetString()!.Contains("DeclineAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_SendsTheXRayErrorCauseHeader()
    {
        var post = await InvokeAsync("Decline", Ada);

        var exception = JsonDocument.Parse(post.Headers["Lambda-Runtime-Function-XRay-Error-Cause"]).RootElement.GetProperty("exceptions")[0];
        Assert.Equal(
            ("PaymentDeclinedException", "card of Ada declined"),
            (exception.GetProperty("type").GetString(), exception.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task RunAsync_ExceptionWithInnerException_NestsItAsCause()
    {
        var cause = (await InvokeAsync("DeclineWithCause", Ada)).Json.GetProperty("cause");

        Assert.Equal(
            ("TimeoutException", "gateway timed out"),
            (cause.GetProperty("errorType").GetString(), cause.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public async Task RunAsync_AggregateException_ListsItsExceptionsAsCauses()
    {
        var error = (await InvokeAsync("DeclineAll", Ada)).Json;

        Assert.Equal(
            ["PaymentDeclinedException", "TimeoutException"],
            error.GetProperty("causes").EnumerateArray().Select(cause => cause.GetProperty("errorType").GetString()));
    }

    [Fact]
    public async Task RunAsync_ErrorOverTheLambdaLimit_PostsTheTruncationDocumentAndKeepsTheTypeHeader()
    {
        var post = await InvokeAsync("DeclineAtLength", Ada);

        Assert.Equal(
            ("""{"errorMessage": "Exception exceeded maximum payload size of 256KB."}""", "PaymentDeclinedException"),
            (post.Body, post.Headers["Lambda-Runtime-Function-Error-Type"]));
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

        Assert.Equal(
            ("/2018-06-01/runtime/invocation/req-bad/error", "/2018-06-01/runtime/invocation/req-good/response", """{"message":"Hello, Grace"}"""),
            (first.Path, second.Path, second.Body));
    }

    [Fact]
    public async Task RunAsync_EventNotMatchingTheInputType_ReportsJsonSerializerException()
    {
        var post = await InvokeAsync("Greet", """{"name": 42}""");

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
        var post = await InvokeAsync("Greet", "null");

        Assert.Equal("JsonSerializerException", post.Json.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task RunAsync_HandlerWithoutResult_PostsEmptyResponse()
    {
        var post = await InvokeAsync("Forget", Ada);

        Assert.Equal(("/2018-06-01/runtime/invocation/req-1/response", ""), (post.Path, post.Body));
    }

    [Fact]
    public async Task RunAsync_UnknownHandler_ReportsInitErrorNamingTheRegisteredHandlers()
    {
        var post = await InvokeAsync("ChargePayment", body: null);

        Assert.Equal(
            ("/2018-06-01/runtime/init/error", "UnknownHandlerException",
                "WORKERS_HANDLER 'ChargePayment' is not a registered handler. Registered handlers: Greet, Snapshot, Decline, DeclineWithCause, DeclineAll, DeclineAtLength, Forget."),
            (post.Path, post.Json.GetProperty("errorType").GetString(), post.Json.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public async Task RunAsync_ErrorDocument_EscapesOnlyWhatJsonRequires()
    {
        var post = await InvokeAsync("<ChargePayment>", body: null);

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
        var post = await InvokeAsync(handler: null, body: null);

        Assert.StartsWith("WORKERS_HANDLER is not set.", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("127.0.0.1:9001/path")]
    public async Task RunAsync_MissingOrMalformedRuntimeApi_ExitsWithInitFailure(string? runtimeApi)
    {
        await using var log = new StringWriter();
        var environment = LambdaEnvironment.FromVariables(new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            [LambdaApplication.HandlerVariable] = "Greet",
        });

        var exitCode = await LambdaTestHandlers.App().RunAsync(environment, log, CancellationToken.None);

        Assert.Equal(LambdaApplication.ExitInitFailed, exitCode);
    }

    [Fact]
    public async Task RunAsync_ShutdownRequested_ExitsZeroWhileWaitingForAnEvent()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", Ada);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);
        await api.NextPostAsync();

        Assert.Equal(LambdaApplication.ExitShutdown, await run.StopAsync());
    }

    [Fact]
    public async Task RunAsync_RuntimeApiAnswers500_ExitsWithRuntimeApiFailure()
    {
        await using var api = RuntimeApiStub.Start();
        api.PostStatus = 500;
        api.Enqueue("req-1", Ada);
        await using var run = LambdaRun.Start(LambdaTestHandlers.App(), api, "Greet", FunctionVariables);

        Assert.Equal(LambdaApplication.ExitRuntimeApiFailed, await run.ExitCodeAsync());
    }

    [Fact]
    public async Task RunAsync_ConfigureRegistersHandlers_ServesThem()
    {
        await using var api = RuntimeApiStub.Start();
        api.Enqueue("req-1", Ada);
        await using var log = new StringWriter();
        using var shutdown = new CancellationTokenSource();
        var run = LambdaApplication.RunAsync(app => LambdaTestHandlers.Register(app), Environment(api, "Greet"), log, shutdown.Token);

        var post = await api.NextPostAsync();
        await shutdown.CancelAsync();

        Assert.Equal(
            ("""{"message":"Hello, Ada"}""", LambdaApplication.ExitShutdown),
            (post.Body, await run.WaitAsync(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task RunAsync_ConfigureThrows_ReportsInitErrorAndExitsNonZero()
    {
        await using var api = RuntimeApiStub.Start();
        await using var log = new StringWriter();

        var exitCode = await LambdaApplication.RunAsync(
            _ => throw new InvalidOperationException("ORDERS_TABLE is not set."), Environment(api, "Greet"), log, CancellationToken.None);
        var post = await api.NextPostAsync();

        Assert.Equal(
            ("/2018-06-01/runtime/init/error", "InvalidOperationException", "ORDERS_TABLE is not set.", LambdaApplication.ExitInitFailed),
            (post.Path, post.Json.GetProperty("errorType").GetString(), post.Json.GetProperty("errorMessage").GetString(), exitCode));
    }

    [Fact]
    public void Handle_DuplicateName_ThrowsArgumentException()
    {
        var app = LambdaTestHandlers.App();

        var error = Assert.Throws<ArgumentException>(() => app.Handle(
            "Greet", (GreetInput _, ILambdaContext _) => Task.CompletedTask, LambdaTestJson.Default.GreetInput));

        Assert.StartsWith("A handler named 'Greet' is already registered.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<RuntimeApiPost> InvokeAsync(string? handler, string? body, IReadOnlyDictionary<string, string>? headers = null) =>
        (await LambdaRun.InvokeOnceAsync(LambdaTestHandlers.App(), handler, body, headers, FunctionVariables)).Post;

    private static LambdaEnvironment Environment(RuntimeApiStub api, string handler) =>
        LambdaEnvironment.FromVariables(new Dictionary<string, string?>(FunctionVariables)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.HostAndPort,
            [LambdaApplication.HandlerVariable] = handler,
        });

    private static ContextSnapshot Snapshot(RuntimeApiPost post) =>
        JsonSerializer.Deserialize(post.Body, LambdaTestJson.Default.ContextSnapshot)!;
}
