using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:::lambda:invoke</c> (and <c>.waitForTaskToken</c>) and legacy <c>arn:aws:lambda:...:function:X</c>
/// resources, through Lambda's Invoke REST API at the configured endpoint.
/// </summary>
internal sealed class LambdaIntegration(AwsHttp http) : ITaskHandler
{
    private const string Service = "Lambda";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var endpoint = http.Options.LambdaEndpoint
            ?? throw ServiceErrors.NotConfigured("Lambda", "LAMBDA_ENDPOINT or AWS_ENDPOINT_URL_LAMBDA", invocation);
        var legacy = invocation.Resource.IsLegacyLambda;
        var parameters = legacy ? null : Payloads.Object(invocation.Parameters, Service);
        var functionName = legacy ? invocation.Resource.Arn : Payloads.Required(parameters!, "FunctionName", ErrorNames.Runtime, "lambda:invoke");
        var payload = legacy ? invocation.Parameters?.ToJsonString() : Payloads.StringOrJson(parameters!["Payload"]);
        var qualifier = legacy ? null : Payloads.Text(parameters!["Qualifier"]);
        var path = $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations"
            + (qualifier is null ? string.Empty : $"?Qualifier={Uri.EscapeDataString(qualifier)}");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path))
        {
            Content = new StringContent(payload ?? "{}", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AddHeader(request, "X-Amz-Invocation-Type", parameters?["InvocationType"]);
        AddHeader(request, "X-Amz-Client-Context", parameters?["ClientContext"]);
        AddHeader(request, "X-Amz-Log-Type", parameters?["LogType"]);

        var response = await http.CallAsync(request, "lambda", Service, r => ServiceErrors.JavaV1(Service, "AWSLambda", r), cancellationToken).ConfigureAwait(false);

        if (response.Header("X-Amz-Function-Error") is not null)
        {
            throw FunctionError(response);
        }

        var result = Payloads.ParsedOrText(response.Body) ?? (legacy ? null : JsonValue.Create(string.Empty));
        if (legacy)
        {
            return TaskHandlerResult.Completed(result);
        }

        var output = new JsonObject
        {
            ["ExecutedVersion"] = response.Header("X-Amz-Executed-Version") ?? "$LATEST",
            ["Payload"] = result,
        };
        Payloads.AddSdkMetadata(output, response.StatusCode, response.Headers, response.RequestId);
        output["StatusCode"] = response.StatusCode;
        return Payloads.Result(invocation, output);
    }

    // The function's errorType names the error and its whole error document is the cause. Failures Lambda raises
    // itself (timeouts, crashed runtimes) and documents without an errorType surface as Lambda.Unknown.
    private static StatesErrorException FunctionError(AwsResponse response)
    {
        var document = response.BodyText;
        var errorType = Payloads.Text((response.Json() as JsonObject)?["errorType"]);
        if (errorType is null)
        {
            return new StatesErrorException(
                "Lambda.Unknown",
                $"The cause could not be determined because Lambda did not return an error type. Returned payload: {document}");
        }

        return errorType.StartsWith("Sandbox.", StringComparison.Ordinal) || errorType.StartsWith("Runtime.", StringComparison.Ordinal)
            ? new StatesErrorException("Lambda.Unknown", document)
            : new StatesErrorException(errorType, document);
    }

    private static void AddHeader(HttpRequestMessage request, string name, JsonNode? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, Payloads.Text(value) ?? value.ToJsonString());
        }
    }
}
