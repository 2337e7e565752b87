using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// Error names and causes as Step Functions reports service failures: optimized integrations use the Java SDK v1
/// wording, <c>aws-sdk:*</c> integrations the SDK v2 wording with names always ending in <c>Exception</c>.
/// </summary>
internal static class ServiceErrors
{
    /// <summary><c>message (Service: X; Status Code: N; Error Code: C; Request ID: R; Proxy: null)</c>.</summary>
    public static string JavaV1Cause(string message, string service, int statusCode, string errorCode, string requestId) =>
        $"{message} (Service: {service}; Status Code: {statusCode}; Error Code: {errorCode}; Request ID: {requestId}; Proxy: null)";

    /// <summary><c>message (Service: X, Status Code: N, Request ID: R)</c>.</summary>
    public static string SdkV2Cause(string message, string service, int statusCode, string requestId) =>
        $"{message} (Service: {service}, Status Code: {statusCode}, Request ID: {requestId})";

    /// <summary>An error response of an optimized integration: <c>&lt;prefix&gt;.&lt;Code&gt;Exception</c> with the Java SDK v1 cause.</summary>
    public static StatesErrorException JavaV1(string prefix, string service, AwsResponse response)
    {
        var code = response.ErrorCode();
        return new($"{prefix}.{WithExceptionSuffix(code)}", JavaV1Cause(response.ErrorMessage(), service, response.StatusCode, code, response.RequestId));
    }

    /// <summary>The endpoint could not be reached: <c>&lt;Prefix&gt;.SdkClientException</c>.</summary>
    public static StatesErrorException ClientFailure(string prefix, HttpRequestException exception) =>
        new($"{prefix}.SdkClientException", exception.Message.StartsWith("Unable to execute HTTP request", StringComparison.Ordinal)
            ? exception.Message
            : $"Unable to execute HTTP request: {exception.Message}");

    /// <summary>No endpoint is configured for a service the task needs.</summary>
    public static StatesErrorException NotConfigured(string service, string variables, TaskInvocation task) =>
        new(ErrorNames.Runtime, $"The state '{task.StateName}' calls {service}, but no endpoint is configured: set {variables}, or mock the state in a MockConfigFile test case.")
        {
            IsTerminal = true,
        };

    /// <summary>An <c>aws-sdk</c> error name: the code with <c>Exception</c> appended when missing.</summary>
    public static string SdkV2Name(string service, string code) => $"{service}.{WithExceptionSuffix(code)}";

    /// <summary>The code with <c>Exception</c> appended when missing, as the SDKs name modeled errors.</summary>
    public static string WithExceptionSuffix(string code) => code.EndsWith("Exception", StringComparison.Ordinal) ? code : code + "Exception";
}
