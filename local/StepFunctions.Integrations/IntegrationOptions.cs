namespace StepFunctions.Integrations;

/// <summary>
/// Where each service integration sends its requests. Built from Step Functions Local's variables (LAMBDA_ENDPOINT,
/// SQS_ENDPOINT, SNS_ENDPOINT, DYNAMODB_ENDPOINT, STEP_FUNCTIONS_ENDPOINT) with the SDKs' AWS_ENDPOINT_URL_&lt;SERVICE&gt;
/// and AWS_ENDPOINT_URL as fallbacks. A null SQS, SNS, EventBridge or Step Functions endpoint selects the in-process
/// broker, bus or engine; a null Bedrock endpoint leaves invokeModel to the MockConfigFile.
/// </summary>
public sealed record IntegrationOptions
{
    /// <summary>The Lambda Invoke API (the Lambda Runtime API emulator's REST endpoint).</summary>
    public Uri? LambdaEndpoint { get; init; }

    /// <summary>DynamoDB's JSON API (dynalite).</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>S3 (s3rver), addressed path-style.</summary>
    public Uri? S3Endpoint { get; init; }

    /// <summary>An SQS JSON-protocol endpoint; null for the in-process broker.</summary>
    public Uri? SqsEndpoint { get; init; }

    /// <summary>An SNS endpoint; null for the in-process broker.</summary>
    public Uri? SnsEndpoint { get; init; }

    /// <summary>An EventBridge endpoint; null for the in-process bus.</summary>
    public Uri? EventBridgeEndpoint { get; init; }

    /// <summary>A Step Functions API endpoint for nested executions; null to run them on the same engine.</summary>
    public Uri? StepFunctionsEndpoint { get; init; }

    /// <summary>A Bedrock Runtime endpoint (<c>POST /model/{modelId}/invoke</c>); null when none is configured.</summary>
    public Uri? BedrockEndpoint { get; init; }

    /// <summary>The region requests are signed for and ARNs name.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account ARNs name.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The access key requests are signed with; local stand-ins accept any.</summary>
    public string AccessKeyId { get; init; } = "dummy";

    /// <summary>The secret key requests are signed with.</summary>
    public string SecretAccessKey { get; init; } = "dummy";

    /// <summary>The access key S3 requests are signed with: s3rver checks signatures and knows only its own pair.</summary>
    public string S3AccessKeyId { get; init; } = "S3RVER";

    /// <summary>The secret key S3 requests are signed with.</summary>
    public string S3SecretAccessKey { get; init; } = "S3RVER";

    /// <summary>How long one HTTP request to a service may take before it fails as a client error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a <c>.sync</c> nested execution on a remote endpoint is polled (on the engine's clock).</summary>
    public TimeSpan SyncPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads the endpoints from environment variables: for each service the Step Functions Local variable first, then
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (not for the services that have an in-process
    /// stand-in, so a global endpoint for DynamoDB and S3 does not reroute queues and nested executions), plus
    /// AWS_DEFAULT_REGION / AWS_REGION, AWS_ACCOUNT_ID and the access keys.
    /// </summary>
    /// <exception cref="FormatException">A variable holds something that is not an absolute http(s) URL.</exception>
    public static IntegrationOptions FromEnvironment(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        var defaults = new IntegrationOptions();
        var global = Endpoint(variables, "AWS_ENDPOINT_URL");
        return defaults with
        {
            LambdaEndpoint = Endpoint(variables, "LAMBDA_ENDPOINT", "AWS_ENDPOINT_URL_LAMBDA") ?? global,
            DynamoDbEndpoint = Endpoint(variables, "DYNAMODB_ENDPOINT", "AWS_ENDPOINT_URL_DYNAMODB") ?? global,
            S3Endpoint = Endpoint(variables, "S3_ENDPOINT", "AWS_ENDPOINT_URL_S3") ?? global,
            SqsEndpoint = Endpoint(variables, "SQS_ENDPOINT", "AWS_ENDPOINT_URL_SQS"),
            SnsEndpoint = Endpoint(variables, "SNS_ENDPOINT", "AWS_ENDPOINT_URL_SNS"),
            EventBridgeEndpoint = Endpoint(variables, "EVENTBRIDGE_ENDPOINT", "AWS_ENDPOINT_URL_EVENTBRIDGE"),
            StepFunctionsEndpoint = Endpoint(variables, "STEP_FUNCTIONS_ENDPOINT", "AWS_ENDPOINT_URL_SFN"),
            BedrockEndpoint = Endpoint(variables, "BEDROCK_ENDPOINT", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME"),
            Region = NonEmpty(variables("AWS_DEFAULT_REGION")) ?? NonEmpty(variables("AWS_REGION")) ?? defaults.Region,
            AccountId = NonEmpty(variables("AWS_ACCOUNT_ID")) ?? defaults.AccountId,
            AccessKeyId = NonEmpty(variables("AWS_ACCESS_KEY_ID")) ?? defaults.AccessKeyId,
            SecretAccessKey = NonEmpty(variables("AWS_SECRET_ACCESS_KEY")) ?? defaults.SecretAccessKey,
        };
    }

    private static Uri? Endpoint(Func<string, string?> variables, params string[] names)
    {
        foreach (var name in names)
        {
            if (NonEmpty(variables(name)) is { } value)
            {
                return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? uri
                    : throw new FormatException($"{name} must be an absolute http(s) URL, e.g. http://127.0.0.1:4566, but was '{value}'.");
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
