using System.Text;
using System.Text.Json;

namespace HttpApi;

/// <summary>
/// A function's answer read by the payload format 2.0 rules: an object with <c>statusCode</c> is a full response
/// (headers, cookies, body, isBase64Encoded); any other JSON is the body of a 200 <c>application/json</c> response
/// (a JSON string's text itself). Anything unreadable is null, which the gateway turns into a 500.
/// </summary>
internal sealed record FunctionResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> Cookies, byte[] Body)
{
    public static FunctionResponse? Read(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out var statusCode))
            {
                return Structured(root, statusCode);
            }

            var body = root.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(root.GetString()!) : payload.ToArray();
            return new FunctionResponse(200, [KeyValuePair.Create("content-type", "application/json")], [], body);
        }
    }

    private static FunctionResponse? Structured(JsonElement root, JsonElement statusCode)
    {
        if (statusCode.ValueKind != JsonValueKind.Number || !statusCode.TryGetInt32(out var status) || status is < 100 or > 599)
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            headers.AddRange(headerObject.EnumerateObject().Select(h => KeyValuePair.Create(h.Name, h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText())));
        }

        var cookies = root.TryGetProperty("cookies", out var cookieArray) && cookieArray.ValueKind == JsonValueKind.Array
            ? cookieArray.EnumerateArray().Select(c => c.ToString()).ToList()
            : [];
        var isBase64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        var text = root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.String ? bodyElement.GetString()! : string.Empty;
        byte[] body;
        if (isBase64)
        {
            try
            {
                body = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        else
        {
            body = Encoding.UTF8.GetBytes(text);
        }

        return new FunctionResponse(status, headers, cookies, body);
    }
}
