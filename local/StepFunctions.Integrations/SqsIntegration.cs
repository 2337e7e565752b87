using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>sqs:sendMessage</c> (and <c>.waitForTaskToken</c>): to SQS_ENDPOINT over SQS's JSON protocol when set, else to
/// the in-process <see cref="LocalMessageBroker"/>. Output <c>{MD5OfMessageBody, MessageId, SdkHttpMetadata,
/// SdkResponseMetadata}</c>; errors <c>SQS.AmazonSQSException</c> and <c>SQS.SdkClientException</c>.
/// </summary>
internal sealed class SqsIntegration(AwsHttp http, LocalMessageBroker broker) : ITaskHandler
{
    private const string Service = "SQS";
    private const string Exception = "SQS.AmazonSQSException";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Resource.Action != "sendMessage")
        {
            throw Unsupported(invocation);
        }

        var parameters = Payloads.Object(invocation.Parameters, Service);
        var queueUrl = Payloads.Required(parameters, "QueueUrl", Exception, "sqs:sendMessage");
        var body = Payloads.StringOrJson(parameters["MessageBody"]) ?? string.Empty;
        var output = http.Options.SqsEndpoint is { } endpoint
            ? await SendRemoteAsync(endpoint, parameters, body, cancellationToken).ConfigureAwait(false)
            : SendLocal(queueUrl, body, parameters, invocation.Clock.UtcNow);
        return Payloads.Result(invocation, output);
    }

    internal static StatesErrorException Unsupported(TaskInvocation invocation) =>
        new(ErrorNames.Runtime, $"The resource '{invocation.Resource.Arn}' is not supported locally; the optimized integrations are sqs:sendMessage and sns:publish.")
        {
            IsTerminal = true,
        };

    internal static Dictionary<string, string> StringAttributes(JsonNode? attributes) =>
        (attributes as JsonObject ?? []).ToDictionary(
            a => a.Key,
            a => Payloads.Text(a.Value?["StringValue"]) ?? Payloads.Text(a.Value?["Value"]) ?? a.Value?.ToJsonString() ?? string.Empty,
            StringComparer.Ordinal);

    private JsonObject SendLocal(string queueUrl, string body, JsonObject parameters, DateTimeOffset now)
    {
        var requestId = Guid.NewGuid().ToString();
        var queue = broker.FindQueue(queueUrl)
            ?? throw new StatesErrorException(Exception, ServiceErrors.JavaV1Cause(
                "The specified queue does not exist for this wsdl version.", "AmazonSQS", 400, "AWS.SimpleQueueService.NonExistentQueue", requestId));
        string messageId, md5;
        try
        {
            (messageId, md5) = queue.Send(body, StringAttributes(parameters["MessageAttributes"]));
        }
        catch (ArgumentException e)
        {
            throw new StatesErrorException(Exception, ServiceErrors.JavaV1Cause(e.Message.Split(" (Parameter")[0], "AmazonSQS", 400, "InvalidParameterValue", requestId));
        }

        var output = new JsonObject { ["MD5OfMessageBody"] = md5, ["MessageId"] = messageId };
        Payloads.AddSdkMetadata(output, 200, Payloads.LocalHeaders(requestId, "text/xml", 378, now), requestId);
        return output;
    }

    private async Task<JsonObject> SendRemoteAsync(Uri endpoint, JsonObject parameters, string body, CancellationToken cancellationToken)
    {
        var request = parameters.DeepClone().AsObject();
        request["MessageBody"] = body;
        var response = await http.CallAsync(
            AwsHttp.JsonRequest(endpoint, "AmazonSQS.SendMessage", "application/x-amz-json-1.0", request.ToJsonString()),
            "sqs",
            Service,
            r => new StatesErrorException(Exception, ServiceErrors.JavaV1Cause(r.ErrorMessage(), "AmazonSQS", r.StatusCode, r.ErrorCode(), r.RequestId)),
            cancellationToken).ConfigureAwait(false);

        var answer = response.Json() as JsonObject ?? [];
        var output = new JsonObject
        {
            ["MD5OfMessageBody"] = answer["MD5OfMessageBody"]?.DeepClone(),
            ["MessageId"] = answer["MessageId"]?.DeepClone(),
        };
        Payloads.AddSdkMetadata(output, response.StatusCode, response.Headers, response.RequestId);
        return output;
    }
}
