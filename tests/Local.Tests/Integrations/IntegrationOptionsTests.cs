using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>How the hosts' options read Step Functions Local's and the SDKs' endpoint variables.</summary>
public sealed class IntegrationOptionsTests
{
    [Fact]
    public void FromEnvironment_StepFunctionsLocalVariable_WinsOverSdkVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["LAMBDA_ENDPOINT"] = "http://127.0.0.1:9001",
            ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:9002",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
        };

        var options = IntegrationOptions.FromEnvironment(variables.GetValueOrDefault);

        Assert.Equal(new Uri("http://127.0.0.1:9001"), options.LambdaEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.DynamoDbEndpoint);
        Assert.Null(options.SqsEndpoint);
        Assert.Null(options.StepFunctionsEndpoint);
    }

    [Fact]
    public void FromEnvironment_EndpointNotAUrl_ThrowsNamingTheVariable()
    {
        var variables = new Dictionary<string, string> { ["DYNAMODB_ENDPOINT"] = "localhost:8000" };

        var error = Assert.Throws<FormatException>(() => IntegrationOptions.FromEnvironment(variables.GetValueOrDefault));

        Assert.StartsWith("DYNAMODB_ENDPOINT must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }
}
