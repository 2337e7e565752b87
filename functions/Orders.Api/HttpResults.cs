using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workers.Lambda;

namespace Orders.Api;

/// <summary>Builds HTTP API v2 responses: JSON bodies and RFC 9457 problem documents.</summary>
public static class HttpResults
{
    /// <summary>The problem type for a request the API cannot accept.</summary>
    public const string InvalidRequestType = "https://workers.example/problems/invalid-request";

    /// <summary>The problem type for an unknown resource.</summary>
    public const string NotFoundType = "https://workers.example/problems/not-found";

    /// <summary>The problem type for a request that conflicts with the resource's state.</summary>
    public const string ConflictType = "https://workers.example/problems/conflict";

    /// <summary>A JSON response.</summary>
    public static APIGatewayHttpApiV2ProxyResponse Json<T>(int statusCode, T body, JsonTypeInfo<T> typeInfo) => new()
    {
        StatusCode = statusCode,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = Serialize(body, typeInfo),
    };

    /// <summary>A problem response (<c>application/problem+json</c>).</summary>
    public static APIGatewayHttpApiV2ProxyResponse Problem(int statusCode, string type, string title, string detail, string? field = null) => new()
    {
        StatusCode = statusCode,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/problem+json" },
        Body = Serialize(new ProblemDocument(type, title, statusCode, detail, field), OrdersJson.Default.ProblemDocument),
    };

    // Escapes only what JSON requires, as API Gateway users expect: "+00:00" in a timestamp, not "\u002B00:00".
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, body, typeInfo);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A 400 naming the field at fault.</summary>
    public static APIGatewayHttpApiV2ProxyResponse Invalid(string field, string detail) =>
        Problem(400, InvalidRequestType, "The request is invalid", detail, field);

    /// <summary>
    /// The field a domain validation message starts with (<c>items[0].quantity must be …</c>), so the problem
    /// document can name it.
    /// </summary>
    public static string FieldOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    /// <summary>The request body as text, decoding a base64 body; null when there is none.</summary>
    public static string? BodyText(APIGatewayHttpApiV2ProxyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Body))
        {
            return null;
        }

        if (!request.IsBase64Encoded)
        {
            return request.Body;
        }

        var bytes = new byte[request.Body.Length];
        return Convert.TryFromBase64String(request.Body, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : null;
    }
}
