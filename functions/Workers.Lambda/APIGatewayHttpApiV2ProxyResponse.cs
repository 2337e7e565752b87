using System.Text.Json.Serialization;

namespace Workers.Lambda;

/// <summary>
/// An HTTP API (payload format 2.0) response, as Amazon.Lambda.APIGatewayEvents' type of the same name:
/// statusCode, headers, cookies, body, isBase64Encoded.
/// </summary>
public sealed record APIGatewayHttpApiV2ProxyResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>Response headers; several values of one header are joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Set-Cookie values.</summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64 of binary content.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }

    /// <summary>Sets a header, joining several values with commas as HTTP API expects; appends to an existing value when asked.</summary>
    public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append)
    {
        ArgumentNullException.ThrowIfNull(values);
        Headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var joined = string.Join(",", values);
        Headers[headerName] = append && Headers.TryGetValue(headerName, out var existing) ? $"{existing},{joined}" : joined;
    }
}
