using System.Collections;
using Amazon.Runtime;

namespace Workers.StepFunctions;

/// <summary>
/// Where and as whom the client calls. <see cref="FromEnvironment"/> follows the AWS SDKs: the endpoint is
/// <c>AWS_ENDPOINT_URL_SFN</c>, else <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true), else <c>https://states.&lt;region&gt;.amazonaws.com</c>;
/// the region is <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>. Same code, AWS or the local cloud.
/// </summary>
public sealed record StepFunctionsClientOptions
{
    /// <summary>The API endpoint.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The signing region, e.g. <c>us-east-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>The signing credentials; null means the SDK's default chain (environment, profile, instance role).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Reads the process environment.</summary>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public static StepFunctionsClientOptions FromEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return FromVariables(variables);
    }

    /// <summary>Resolves the options from variable names and values, as <see cref="FromEnvironment"/> reads them.</summary>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public static StepFunctionsClientOptions FromVariables(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION")
            ?? throw new InvalidOperationException("No AWS region for Step Functions: set AWS_REGION.");
        var ignoreConfigured = string.Equals(Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        var configured = ignoreConfigured ? null : Get("AWS_ENDPOINT_URL_SFN") ?? Get("AWS_ENDPOINT_URL");
        return new StepFunctionsClientOptions
        {
            Region = region,
            ServiceUrl = new Uri(configured ?? $"https://states.{region}.amazonaws.com/", UriKind.Absolute),
        };
    }
}
