using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>bedrock:invokeModel</c>: <c>POST /model/{modelId}/invoke</c> at the configured Bedrock Runtime endpoint; output
/// <c>{Body: &lt;parsed JSON&gt;, ContentType}</c>. Without an endpoint (and no MockConfigFile answer, which the engine's
/// mock layer gives before this runs) the task fails with States.Runtime saying how to configure one.
/// </summary>
internal sealed class BedrockIntegration(AwsHttp http) : ITaskHandler
{
    private const string Service = "Bedrock";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var endpoint = http.Options.BedrockEndpoint
            ?? throw ServiceErrors.NotConfigured("bedrock:invokeModel", "BEDROCK_ENDPOINT or AWS_ENDPOINT_URL_BEDROCK_RUNTIME", invocation);
        var parameters = Payloads.Object(invocation.Parameters, Service);
        var modelId = Payloads.Required(parameters, "ModelId", $"{Service}.ValidationException", "bedrock:invokeModel");
        var contentType = Payloads.Text(parameters["ContentType"]) ?? "application/json";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, $"model/{Uri.EscapeDataString(modelId)}/invoke"))
        {
            Content = new StringContent(Payloads.StringOrJson(parameters["Body"]) ?? "{}", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", Payloads.Text(parameters["Accept"]) ?? "application/json");
        var response = await http.CallAsync(request, "bedrock", Service, r => ServiceErrors.JavaV1(Service, "AmazonBedrockRuntime", r), cancellationToken).ConfigureAwait(false);

        var output = new JsonObject
        {
            ["Body"] = Payloads.ParsedOrText(response.Body),
            ["ContentType"] = response.Header("Content-Type") ?? "application/json",
        };
        return TaskHandlerResult.Completed(output);
    }
}
