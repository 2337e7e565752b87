using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lambda.Local.Tests;

public sealed class InvokeApiTests(InvokeApiFixture fixture) : IClassFixture<InvokeApiFixture>
{
    private const string EchoArn = "arn:aws:lambda:us-east-1:123456789012:function:echo";

    [Fact]
    public async Task Invoke_Echo_Returns200WithPayloadAndExecutedVersion()
    {
        using var response = await PostAsync("echo", """{"orderId":"o-1","items":[1,2]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"orderId":"o-1","items":[1,2]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("$LATEST", Header(response, "X-Amz-Executed-Version"));
        Assert.Null(Header(response, "X-Amz-Function-Error"));
        Assert.True(Guid.TryParse(Header(response, "x-amzn-RequestId"), out _));
    }

    [Fact]
    public async Task Invoke_HandlerThrows_Returns200UnhandledWithExceptionNameAsErrorType()
    {
        using var response = await PostAsync("throw", """{"message":"card expired"}""");
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", Header(response, "X-Amz-Function-Error"));
        Assert.Equal("PaymentDeclinedException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("card expired", error.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Returns404ResourceNotFoundInAwsShape()
    {
        using var response = await PostAsync("missing", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", Header(response, "x-amzn-ErrorType"));
        Assert.Equal(
            """{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_PayloadOver6MB_Returns413RequestTooLarge()
    {
        var payload = $"\"{new string('x', 6 * 1024 * 1024)}\"";

        using var response = await PostAsync("echo", payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestTooLargeException", Header(response, "x-amzn-ErrorType"));
        Assert.Equal(
            """{"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_PayloadNotJson_Returns400InvalidRequestContent()
    {
        using var response = await PostAsync("echo", "{not json");
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", Header(response, "x-amzn-ErrorType"));
        Assert.StartsWith("Could not parse request body into json", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_EventInvocationType_Returns202AndRunsTheFunction()
    {
        using var response = await PostAsync("echo", """{"async":true}""", ("X-Amz-Invocation-Type", "Event"));
        var requestId = Header(response, "x-amzn-RequestId");

        var logLine = await fixture.Sink.WaitForLineAsync($"echo {requestId}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("[echo]", logLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DryRun_Returns204WithoutRunning()
    {
        using var response = await PostAsync("echo", "{}", ("X-Amz-Invocation-Type", "DryRun"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(fixture.Sink.Lines, line => line.Contains(Header(response, "x-amzn-RequestId")!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_LogTypeTail_ReturnsTheInvocationLogBase64()
    {
        using var response = await PostAsync("echo", "{}", ("X-Amz-Log-Type", "Tail"));
        var requestId = Header(response, "x-amzn-RequestId");

        var log = Encoding.UTF8.GetString(Convert.FromBase64String(Header(response, "X-Amz-Log-Result")!));

        Assert.StartsWith($"START RequestId: {requestId} Version: $LATEST\n", log, StringComparison.Ordinal);
        Assert.Contains($"echo {requestId}", log, StringComparison.Ordinal);
        Assert.Contains($"END RequestId: {requestId}\nREPORT RequestId: {requestId}\tDuration: ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_LogTypeTail_ReportsTheProcessPeakMemory()
    {
        using var response = await PostAsync("echo", "{}", ("X-Amz-Log-Type", "Tail"));

        var log = Encoding.UTF8.GetString(Convert.FromBase64String(Header(response, "X-Amz-Log-Result")!));
        var used = Regex.Match(log, @"\tMax Memory Used: (?<mb>[0-9]+) MB\t");

        // A shell script's resident set is a few megabytes: more than nothing, and far below the function's memory size.
        Assert.True(used.Success, log);
        Assert.InRange(int.Parse(used.Groups["mb"].Value, CultureInfo.InvariantCulture), 1, 128);
    }

    [Fact]
    public async Task Invoke_FullArnWithLatestQualifier_InvokesTheFunction()
    {
        using var response = await PostAsync(Uri.EscapeDataString($"{EchoArn}:$LATEST"), """{"via":"arn"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"via":"arn"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_PartialArnWithQualifierParameter_InvokesTheFunction()
    {
        using var response = await SendAsync("/2015-03-31/functions/123456789012:function:echo/invocations?Qualifier=$LATEST", """{"via":"partial"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"via":"partial"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_UnpublishedVersion_Returns404NamingTheQualifiedArn()
    {
        using var response = await PostAsync("echo:7", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Function not found: {EchoArn}:7", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_RuntimeApiHeaders_ReachTheFunctionContext()
    {
        var clientContext = """{"custom":{"tenant":"t-1"},"env":{},"client":{}}""";
        using var response = await PostAsync(
            "inspect",
            "{}",
            ("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientContext))),
            ("X-Amzn-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"));
        using var inspected = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var context = inspected.RootElement;

        Assert.Equal(Header(response, "x-amzn-RequestId"), context.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:inspect", context.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", context.GetProperty("traceId").GetString());
        Assert.Equal(clientContext, context.GetProperty("clientContext").GetString());
        Assert.InRange(double.Parse(context.GetProperty("remainingTimeMs").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, 30_000);
    }

    [Fact]
    public async Task Invoke_FunctionProcess_GetsLambdaAndTemplateEnvironment()
    {
        using var response = await PostAsync("inspect", "{}");
        using var inspected = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var environment = inspected.RootElement.GetProperty("environment");

        Assert.Equal("inspect", environment.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString());
        Assert.Equal("$LATEST", environment.GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString());
        Assert.Equal("256", environment.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString());
        Assert.Equal("/aws/lambda/inspect", environment.GetProperty("AWS_LAMBDA_LOG_GROUP_NAME").GetString());
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", environment.GetProperty("AWS_LAMBDA_LOG_STREAM_NAME").GetString());
        Assert.Matches(@"^127\.0\.0\.1:\d+$", environment.GetProperty("AWS_LAMBDA_RUNTIME_API").GetString());
        Assert.Equal("us-east-1", environment.GetProperty("AWS_REGION").GetString());
        Assert.Equal("us-east-1", environment.GetProperty("AWS_DEFAULT_REGION").GetString());
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("AWS_ACCESS_KEY_ID").GetString()));
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("AWS_SECRET_ACCESS_KEY").GetString()));
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("AWS_SESSION_TOKEN").GetString()));
        Assert.Equal("Lambda.Local.TestFunction", environment.GetProperty("_HANDLER").GetString());
        Assert.Equal(Path.GetDirectoryName(TestFunction.AssemblyPath), environment.GetProperty("LAMBDA_TASK_ROOT").GetString());
        Assert.Equal(":UTC", environment.GetProperty("TZ").GetString());
        Assert.Equal("from-template", environment.GetProperty("TEMPLATE_VARIABLE").GetString());
    }

    [Fact]
    public async Task Invoke_EveryProcessBusyAndQueueFull_Returns429TooManyRequests()
    {
        await using var emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = fixture.Sink, MaxQueuedInvocations = 0 });
        emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 1 });
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.InvokeEndpoint };
        var busy = emulator.InvokeAsync("sleep", """{"milliseconds":2000}"""u8.ToArray());

        using var content = new StringContent("{}");
        using var response = await http.PostAsync(new Uri("/2015-03-31/functions/sleep/invocations", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("TooManyRequestsException", Header(response, "x-amzn-ErrorType"));
        Assert.Equal(
            """{"Type":"User","message":"Rate Exceeded.","Reason":"ReservedFunctionConcurrentInvocationLimitExceeded"}""",
            await response.Content.ReadAsStringAsync());
        Assert.Null((await busy).FunctionError);
    }

    [Fact]
    public async Task Invoke_UnknownInvocationType_Returns400ValidationException()
    {
        using var response = await PostAsync("echo", "{}", ("X-Amz-Invocation-Type", "Sometimes"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Header(response, "x-amzn-ErrorType"));
    }

    [Fact]
    public async Task Invoke_ClientContextNotBase64Json_Returns400InvalidRequestContent()
    {
        using var response = await PostAsync("echo", "{}", ("X-Amz-Client-Context", "%%%"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", Header(response, "x-amzn-ErrorType"));
    }

    // functionName is the path segment as sent, already escaped.
    private Task<HttpResponseMessage> PostAsync(string functionName, string payload, params (string Name, string Value)[] headers) =>
        SendAsync($"/2015-03-31/functions/{functionName}/invocations", payload, headers);

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, string payload, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pathAndQuery, UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await fixture.Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
