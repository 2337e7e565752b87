using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctions.Integrations;

/// <summary>JSON helpers shared by the integrations: parsing payloads, reading parameters, AWS's SDK metadata.</summary>
internal static class Payloads
{
    public static bool TryParse(ReadOnlySpan<byte> body, out JsonNode? node)
    {
        node = null;
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            node = JsonNode.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A response body as Step Functions shows it: parsed when JSON, else the text.</summary>
    public static JsonNode? ParsedOrText(byte[] body) =>
        TryParse(body, out var node) ? node : body.Length == 0 ? null : JsonValue.Create(Encoding.UTF8.GetString(body));

    /// <summary>A string value, or null for anything else.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A parameter AWS lets be a string or any JSON (MessageBody, Payload, Input): strings as is, else serialized.</summary>
    public static string? StringOrJson(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>The task's parameters as an object (an absent Parameters block is an empty object).</summary>
    public static JsonObject Object(JsonNode? parameters, string service) => parameters switch
    {
        null => [],
        JsonObject o => o,
        _ => throw new Asl.StatesErrorException(
            $"{service}.ValidationException",
            $"The parameters of a {service} task must be a JSON object, but were: {parameters.ToJsonString()}"),
    };

    /// <summary>A required string parameter, or the service's validation error naming it.</summary>
    public static string Required(JsonObject parameters, string name, string errorName, string service) =>
        Text(parameters[name]) is { Length: > 0 } value
            ? value
            : throw new Asl.StatesErrorException(errorName, $"The field '{name}' is required by {service} and must be a non-empty string.");

    /// <summary>
    /// <c>SdkHttpMetadata</c> and <c>SdkResponseMetadata</c> as the optimized integrations add them to a response.
    /// </summary>
    public static void AddSdkMetadata(JsonObject output, int statusCode, IEnumerable<KeyValuePair<string, string[]>> headers, string requestId)
    {
        var all = new JsonObject();
        var single = new JsonObject();
        foreach (var (name, values) in headers)
        {
            all[name] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
            single[name] = string.Join(",", values);
        }

        output["SdkHttpMetadata"] = new JsonObject
        {
            ["AllHttpHeaders"] = all,
            ["HttpHeaders"] = single,
            ["HttpStatusCode"] = statusCode,
        };
        output["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
    }

    /// <summary>The headers an AWS JSON service answers with, for responses produced in process.</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> LocalHeaders(string requestId, string contentType, int contentLength, DateTimeOffset now) =>
    [
        new("Content-Length", [contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
        new("Content-Type", [contentType]),
        new("Date", [now.ToString("r", System.Globalization.CultureInfo.InvariantCulture)]),
        new("x-amzn-RequestId", [requestId]),
    ];

    /// <summary>Epoch milliseconds, the way Step Functions' Java SDK renders dates in task results.</summary>
    public static long EpochMillis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>The API's spelling of an execution status (SUCCEEDED, TIMED_OUT, ...).</summary>
    public static string StatusName(Asl.ExecutionStatus status) => status switch
    {
        Asl.ExecutionStatus.Succeeded => "SUCCEEDED",
        Asl.ExecutionStatus.Failed => "FAILED",
        Asl.ExecutionStatus.TimedOut => "TIMED_OUT",
        Asl.ExecutionStatus.Aborted => "ABORTED",
        _ => "RUNNING",
    };

    /// <summary>The task's result: submitted (the engine then waits for the token) for <c>.waitForTaskToken</c>, else completed.</summary>
    public static Asl.TaskHandlerResult Result(Asl.TaskInvocation invocation, JsonNode? output) =>
        invocation.Resource.Pattern == Asl.TaskPattern.WaitForTaskToken ? Asl.TaskHandlerResult.Submitted(output) : Asl.TaskHandlerResult.Completed(output);
}
