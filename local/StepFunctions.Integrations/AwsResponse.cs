using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace StepFunctions.Integrations;

/// <summary>One service response: status, headers, body, and the error code AWS put in the header or body.</summary>
internal sealed record AwsResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body, string RequestId)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The body as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json() => Payloads.TryParse(Body, out var node) ? node : null;

    /// <summary>
    /// The AWS error code without its namespace (<c>com.amazonaws.dynamodb.v20120810#X</c>) or trailing
    /// <c>:http://...</c>, from <c>x-amzn-ErrorType</c> or the body's <c>__type</c>/<c>code</c>/<c>Code</c>.
    /// </summary>
    public string ErrorCode()
    {
        var json = Json() as JsonObject;
        var raw = Header("x-amzn-ErrorType")
            ?? Payloads.Text(json?["__type"]) ?? Payloads.Text(json?["code"]) ?? Payloads.Text(json?["Code"])
            ?? "UnknownError";
        raw = raw.Split(':')[0];
        return raw[(raw.LastIndexOf('#') + 1)..];
    }

    /// <summary>The error message from the body (<c>message</c>, <c>Message</c>), or the status text.</summary>
    public string ErrorMessage()
    {
        var json = Json() as JsonObject;
        return Payloads.Text(json?["message"]) ?? Payloads.Text(json?["Message"]) ?? $"HTTP {StatusCode}";
    }

    internal static AwsResponse From(HttpResponseMessage response, byte[] body)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))
            .ToList();
        var requestId = FirstOf(response.Headers, "x-amzn-RequestId") ?? FirstOf(response.Headers, "x-amz-request-id") ?? Guid.NewGuid().ToString();
        return new AwsResponse((int)response.StatusCode, headers, body, requestId);
    }

    private static string? FirstOf(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
