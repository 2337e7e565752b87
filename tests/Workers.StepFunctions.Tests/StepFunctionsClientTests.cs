using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Workers.StepFunctions.Tests;

public sealed class StepFunctionsClientTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:order-saga";
    private const string ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:order-saga:order-o-1";

    private static readonly BasicAWSCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    [Fact]
    public async Task StartExecutionAsync_Request_PostsJson10ToTheRoot()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000.123}""";
        using var client = Client(api);

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "order-o-1", Input = "{}" });
        var request = await api.NextRequestAsync();

        Assert.Equal(
            ("POST", "/", "AWSStepFunctions.StartExecution", "application/x-amz-json-1.0"),
            (request.Method, request.Path, request.Headers["X-Amz-Target"], request.Headers["Content-Type"]));
    }

    [Fact]
    public async Task StartExecutionAsync_Request_SendsTheApiShape()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000.123}""";
        using var client = Client(api);

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "order-o-1", Input = """{"orderId":"o-1"}""" });
        var request = await api.NextRequestAsync();

        Assert.True(
            JsonNode.DeepEquals(
                JsonNode.Parse($$"""{"stateMachineArn":"{{StateMachineArn}}","name":"order-o-1","input":"{\"orderId\":\"o-1\"}"}"""),
                JsonNode.Parse(request.Body)),
            request.Body);
    }

    [Fact]
    public async Task StartExecutionAsync_Request_IsSignedWithSigV4ForStates()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000}""";
        using var client = Client(api);

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn });
        var authorization = (await api.NextRequestAsync()).Headers["Authorization"];

        Assert.Matches(
            @"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/us-east-1/states/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$",
            authorization);
    }

    [Fact]
    public async Task StartExecutionAsync_Request_CarriesTheSignatureOfWhatWasSent()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000}""";
        using var client = Client(api);

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Input = "{}" });
        var request = await api.NextRequestAsync();

        Assert.Equal(Resign(api.Url, request), request.Headers["Authorization"]);
    }

    [Fact]
    public async Task StartExecutionAsync_Response_ReadsArnAndEpochSecondsDate()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""{"executionArn":"{{ExecutionArn}}","startDate":1700000000.123}""";
        using var client = Client(api);

        var response = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn });

        Assert.Equal(
            (ExecutionArn, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)),
            (response.ExecutionArn, response.StartDate));
    }

    [Fact]
    public async Task DescribeExecutionAsync_SucceededExecution_ReadsStatusAndOutput()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Body = $$"""
            {"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{StateMachineArn}}","name":"order-o-1","status":"SUCCEEDED",
             "startDate":1700000000,"stopDate":1700000005.5,"input":"{}","output":"{\"status\":\"SHIPPED\"}","redriveCount":0}
            """;
        using var client = Client(api);

        var response = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn });

        Assert.Equal(
            (ExecutionStatus.Succeeded, """{"status":"SHIPPED"}""", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_005_500)),
            (response.Status, response.Output, response.StopDate));
    }

    [Fact]
    public async Task SendTaskSuccessAsync_Request_SendsTokenAndOutput()
    {
        await using var api = StepFunctionsApiStub.Start();
        using var client = Client(api);

        await client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "token-1", Output = """{"approved":true}""" });
        var request = await api.NextRequestAsync();

        Assert.Equal(
            ("AWSStepFunctions.SendTaskSuccess", """{"taskToken":"token-1","output":"{\u0022approved\u0022:true}"}"""),
            (request.Headers["X-Amz-Target"], request.Body));
    }

    [Fact]
    public async Task SendTaskFailureAsync_Request_SendsTokenErrorAndCause()
    {
        await using var api = StepFunctionsApiStub.Start();
        using var client = Client(api);

        await client.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = "token-1", Error = "ApprovalRejected", Cause = "too expensive" });
        var request = await api.NextRequestAsync();

        Assert.Equal(
            ("AWSStepFunctions.SendTaskFailure", """{"taskToken":"token-1","error":"ApprovalRejected","cause":"too expensive"}"""),
            (request.Headers["X-Amz-Target"], request.Body));
    }

    [Fact]
    public async Task SendTaskHeartbeatAsync_Request_SendsToken()
    {
        await using var api = StepFunctionsApiStub.Start();
        using var client = Client(api);

        await client.SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = "token-1" });
        var request = await api.NextRequestAsync();

        Assert.Equal(
            ("AWSStepFunctions.SendTaskHeartbeat", """{"taskToken":"token-1"}"""),
            (request.Headers["X-Amz-Target"], request.Body));
    }

    [Fact]
    public async Task SendTaskSuccessAsync_NamespacedErrorType_ThrowsTaskTimedOutException()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Status = 400;
        api.Body = """{"__type":"com.amazonaws.swf.service.v2.model#TaskTimedOut","message":"Task Timed Out: 'token expired or task already closed'"}""";
        using var client = Client(api);

        var error = await Assert.ThrowsAsync<TaskTimedOutException>(
            () => client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "token-1", Output = "{}" }));

        Assert.Equal(
            ("TaskTimedOut", 400, "Task Timed Out: 'token expired or task already closed'"),
            (error.ErrorCode, error.StatusCode, error.Message));
    }

    [Fact]
    public async Task DescribeExecutionAsync_UnknownExecution_ThrowsExecutionDoesNotExistException()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Status = 400;
        api.Body = """{"__type":"ExecutionDoesNotExist","message":"Execution Does Not Exist"}""";
        using var client = Client(api);

        await Assert.ThrowsAsync<ExecutionDoesNotExistException>(
            () => client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn }));
    }

    [Fact]
    public async Task StartExecutionAsync_ValidationError_ThrowsValidationException()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Status = 400;
        api.Body = """{"__type":"ValidationException","Message":"1 validation error detected"}""";
        using var client = Client(api);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }));

        Assert.Equal(("ValidationException", "1 validation error detected"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task StartExecutionAsync_UnmappedErrorType_ThrowsUnknownErrorWithTheCode()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Status = 400;
        api.Body = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
        using var client = Client(api);

        var error = await Assert.ThrowsAsync<UnknownStepFunctionsErrorException>(
            () => client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }));

        Assert.Equal(("ThrottlingException", "Rate exceeded"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task StartExecutionAsync_BodyThatIsNotJson_ThrowsUnknownErrorWithTheStatus()
    {
        await using var api = StepFunctionsApiStub.Start();
        api.Status = 502;
        api.Body = "<html>Bad Gateway</html>";
        using var client = Client(api);

        var error = await Assert.ThrowsAsync<UnknownStepFunctionsErrorException>(
            () => client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }));

        Assert.Equal(("Unknown", 502), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public void FromVariables_ServiceSpecificEndpoint_WinsOverTheGeneralOne()
    {
        var options = StepFunctionsClientOptions.FromVariables(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_SFN"] = "http://127.0.0.1:8083",
        });

        Assert.Equal((new Uri("http://127.0.0.1:8083"), "eu-west-1"), (options.ServiceUrl, options.Region));
    }

    [Fact]
    public void FromVariables_GeneralEndpointOnly_UsesIt()
    {
        var options = StepFunctionsClientOptions.FromVariables(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
        });

        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.ServiceUrl);
    }

    [Fact]
    public void FromVariables_NoEndpoint_UsesTheRegionalAwsEndpoint()
    {
        var options = StepFunctionsClientOptions.FromVariables(new Dictionary<string, string?> { ["AWS_DEFAULT_REGION"] = "eu-west-1" });

        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com/"), options.ServiceUrl);
    }

    [Fact]
    public void FromVariables_IgnoreConfiguredEndpoints_UsesTheRegionalAwsEndpoint()
    {
        var options = StepFunctionsClientOptions.FromVariables(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL_SFN"] = "http://127.0.0.1:8083",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        });

        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com/"), options.ServiceUrl);
    }

    [Fact]
    public void FromVariables_NoRegion_ThrowsInvalidOperationException()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StepFunctionsClientOptions.FromVariables(new Dictionary<string, string?>()));

        Assert.Equal("No AWS region for Step Functions: set AWS_REGION.", error.Message);
    }

    private static StepFunctionsClient Client(StepFunctionsApiStub api) => new(new StepFunctionsClientOptions
    {
        ServiceUrl = api.Url,
        Region = "us-east-1",
        Credentials = Credentials,
    });

    // Signs the received method, URL, headers and body again at the received X-Amz-Date with AWSSDK.Core's signer.
    private static string Resign(Uri url, ReceivedRequest request)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = url, Content = Encoding.UTF8.GetBytes(request.Body) };
        foreach (var name in (string[])["Content-Length", "Content-Type", "X-Amz-Target"])
        {
            signing.Headers[name] = request.Headers[name];
        }

        var signedAt = DateTime.ParseExact(
            request.Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var parameters = new AWSSigV4Parameters { Credentials = Credentials, Region = RegionEndpoint.USEast1, Service = "states", SignedAt = signedAt };
        return AWSSigV4Signer.Sign(signing, parameters).Headers["Authorization"];
    }
}
