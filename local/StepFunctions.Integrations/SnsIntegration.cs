using System.Text.Json.Nodes;
using System.Xml.Linq;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>sns:publish</c> (and <c>.waitForTaskToken</c>): to SNS_ENDPOINT over SNS's query protocol when set, else to the
/// in-process <see cref="LocalMessageBroker"/>. Output <c>{MessageId, SdkHttpMetadata, SdkResponseMetadata}</c>;
/// errors <c>SNS.NotFoundException</c>, <c>SNS.InvalidParameterException</c>, <c>SNS.SdkClientException</c>.
/// </summary>
internal sealed class SnsIntegration(AwsHttp http, LocalMessageBroker broker) : ITaskHandler
{
    private const string Service = "SNS";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Resource.Action != "publish")
        {
            throw SqsIntegration.Unsupported(invocation);
        }

        var parameters = Payloads.Object(invocation.Parameters, Service);
        var message = Payloads.StringOrJson(parameters["Message"]);
        var output = http.Options.SnsEndpoint is { } endpoint
            ? await PublishRemoteAsync(endpoint, parameters, message, cancellationToken).ConfigureAwait(false)
            : PublishLocal(parameters, message, invocation.Clock.UtcNow);
        return Payloads.Result(invocation, output);
    }

    private JsonObject PublishLocal(JsonObject parameters, string? message, DateTimeOffset now)
    {
        var requestId = Guid.NewGuid().ToString();
        if (string.IsNullOrEmpty(message))
        {
            throw Error("InvalidParameter", "Invalid parameter: Empty message", 400, requestId);
        }

        var arn = Payloads.Text(parameters["TopicArn"]) ?? Payloads.Text(parameters["TargetArn"]) ?? string.Empty;
        var topic = broker.FindTopic(arn) ?? throw Error("NotFound", "Topic does not exist", 404, requestId);
        var messageId = topic.Publish(message, Payloads.Text(parameters["Subject"]), SqsIntegration.StringAttributes(parameters["MessageAttributes"]));
        var output = new JsonObject { ["MessageId"] = messageId };
        Payloads.AddSdkMetadata(output, 200, Payloads.LocalHeaders(requestId, "text/xml", 294, now), requestId);
        return output;
    }

    private async Task<JsonObject> PublishRemoteAsync(Uri endpoint, JsonObject parameters, string? message, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", "Publish"), new("Version", "2010-03-31") };
        foreach (var name in new[] { "TopicArn", "TargetArn", "PhoneNumber", "Subject", "MessageStructure", "MessageGroupId", "MessageDeduplicationId" })
        {
            if (Payloads.Text(parameters[name]) is { } value)
            {
                form.Add(new(name, value));
            }
        }

        form.Add(new("Message", message ?? string.Empty));
        var index = 1;
        foreach (var (name, value) in SqsIntegration.StringAttributes(parameters["MessageAttributes"]))
        {
            form.Add(new($"MessageAttributes.entry.{index}.Name", name));
            form.Add(new($"MessageAttributes.entry.{index}.Value.DataType", "String"));
            form.Add(new($"MessageAttributes.entry.{index}.Value.StringValue", value));
            index++;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        AwsResponse response;
        try
        {
            response = await http.SendAsync(request, "sns", cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ServiceErrors.ClientFailure(Service, e);
        }

        var xml = TryParseXml(response.BodyText);
        string? Element(string name) => xml?.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        if (!response.IsSuccess)
        {
            throw Error(Element("Code") ?? response.ErrorCode(), Element("Message") ?? response.ErrorMessage(), response.StatusCode, response.RequestId);
        }

        var output = new JsonObject { ["MessageId"] = Element("MessageId") };
        Payloads.AddSdkMetadata(output, response.StatusCode, response.Headers, response.RequestId);
        return output;
    }

    private static StatesErrorException Error(string code, string message, int status, string requestId) =>
        new($"SNS.{ServiceErrors.WithExceptionSuffix(code)}", ServiceErrors.JavaV1Cause(message, "AmazonSNS", status, code, requestId));

    private static XDocument? TryParseXml(string text)
    {
        try
        {
            return XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
