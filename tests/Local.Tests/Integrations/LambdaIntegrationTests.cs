using System.Text.Json.Nodes;
using Asl;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>lambda:invoke and legacy Lambda ARNs through the engine against real function processes behind the emulator.</summary>
public sealed class LambdaIntegrationTests(LambdaFixture lambda) : IClassFixture<LambdaFixture>, IDisposable
{
    private readonly IntegrationHarness _harness = new(new IntegrationOptions { LambdaEndpoint = lambda.Emulator.InvokeEndpoint });

    [Fact]
    public async Task LambdaInvoke_Echo_ReturnsPayloadWithSdkMetadata()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::lambda:invoke", """{"FunctionName":"echo","Payload":{"order":"o-1"}}"""));

        var output = IntegrationHarness.Output(execution);
        Assert.Equal(("$LATEST", """{"order":"o-1"}""", 200), (output["ExecutedVersion"]!.GetValue<string>(), output["Payload"]!.ToJsonString(), output["StatusCode"]!.GetValue<int>()));
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(output["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>()));
        Assert.Equal(("lambda", "invoke"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task LegacyLambdaArn_Echo_ReturnsTheBarePayload()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:echo","End":true}}}""",
            """{"order":"o-2"}""");

        Assert.Equal("""{"order":"o-2"}""", IntegrationHarness.Output(execution).ToJsonString());
        Assert.Equal(
            "arn:aws:lambda:us-east-1:123456789012:function:echo",
            IntegrationHarness.Details<LambdaFunctionScheduledDetails>(execution, HistoryEventType.LambdaFunctionScheduled).Resource);
        Assert.Contains("LambdaFunctionSucceeded", IntegrationHarness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaInvoke_FunctionThrows_FailsWithErrorTypeAndErrorDocumentCause()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::lambda:invoke", """{"FunctionName":"throw","Payload":{"message":"card declined"}}"""));

        Assert.Equal("PaymentDeclinedException", execution.Error);
        var cause = JsonNode.Parse(execution.Cause!)!;
        Assert.Equal(("card declined", "PaymentDeclinedException"), (cause["errorMessage"]!.GetValue<string>(), cause["errorType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task LambdaInvoke_FunctionTimesOut_FailsWithLambdaUnknown()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::lambda:invoke", """{"FunctionName":"sleep","Payload":{"milliseconds":10000}}"""));

        Assert.Equal("Lambda.Unknown", execution.Error);
        Assert.Contains("Task timed out after 1.00 seconds", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaInvoke_UnknownFunction_FailsWithResourceNotFoundInJavaSdkWording()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::lambda:invoke", """{"FunctionName":"missing"}"""));

        Assert.Equal("Lambda.ResourceNotFoundException", execution.Error);
        Assert.StartsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing", execution.Cause, StringComparison.Ordinal);
        Assert.Contains("(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ", execution.Cause, StringComparison.Ordinal);
        Assert.EndsWith("; Proxy: null)", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaInvoke_EndpointUnreachable_FailsWithSdkClientException()
    {
        using var harness = new IntegrationHarness(new IntegrationOptions { LambdaEndpoint = new Uri("http://127.0.0.1:1/") });

        var execution = await harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::lambda:invoke", """{"FunctionName":"echo"}"""));

        Assert.Equal("Lambda.SdkClientException", execution.Error);
        Assert.StartsWith("Unable to execute HTTP request", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaInvoke_WaitForTaskToken_SubmitsThenTakesTheCallbackOutput()
    {
        var execution = _harness.Start(IntegrationHarness.Task(
            "arn:aws:states:::lambda:invoke.waitForTaskToken",
            """{"FunctionName":"echo","Payload":{"token.$":"$$.Task.Token"}}"""));

        var submitted = await IntegrationHarness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);
        var token = ((TaskDetails)submitted.Details!).Output!["Payload"]!["token"]!.GetValue<string>();
        _harness.Engine.SendTaskSuccess(token, """{"approved":true}""");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("""{"approved":true}""", IntegrationHarness.Output(execution).ToJsonString());
        Assert.Equal(("lambda", "invoke.waitForTaskToken"), IntegrationHarness.Scheduled(execution));
    }

    public void Dispose() => _harness.Dispose();
}
