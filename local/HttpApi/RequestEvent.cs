using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HttpApi;

/// <summary>
/// Writes the API Gateway HTTP API payload format 2.0 request event: headers lower-cased and multi-values joined
/// with commas, cookies taken out of the headers, query values joined with commas, the body as text for textual
/// content types and base64 otherwise, and the requestContext API Gateway sends.
/// </summary>
internal static class RequestEvent
{
    public static byte[] Write(HttpContext context, RouteMatch match, byte[] body, JwtVerdict? authorization, RequestIdentity identity, string apiId, string accountId)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var host = request.Host.Host;

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("routeKey", match.Route.RouteKey);
            w.WriteString("rawPath", rawPath);
            w.WriteString("rawQueryString", rawQuery);
            var cookies = request.Headers.Cookie.SelectMany(c => (c ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (cookies.Count > 0)
            {
                w.WriteStartArray("cookies");
                cookies.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteStartObject("headers");
            foreach (var (name, value) in Headers(request, identity))
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();

            var query = Query(rawQuery);
            if (query.Count > 0)
            {
                w.WriteStartObject("queryStringParameters");
                foreach (var (name, values) in query)
                {
                    w.WriteString(name, string.Join(',', values));
                }

                w.WriteEndObject();
            }

            w.WriteStartObject("requestContext");
            w.WriteString("accountId", accountId);
            w.WriteString("apiId", apiId);
            if (authorization is not null)
            {
                WriteAuthorizer(w, authorization);
            }

            w.WriteString("domainName", host);
            w.WriteString("domainPrefix", host.Split('.')[0]);
            w.WriteStartObject("http");
            w.WriteString("method", request.Method);
            w.WriteString("path", rawPath);
            w.WriteString("protocol", request.Protocol);
            w.WriteString("sourceIp", identity.SourceIp);
            w.WriteString("userAgent", request.Headers.UserAgent.ToString());
            w.WriteEndObject();
            w.WriteString("requestId", identity.RequestId);
            w.WriteString("routeKey", match.Route.RouteKey);
            w.WriteString("stage", "$default");
            w.WriteString("time", identity.Time.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
            w.WriteNumber("timeEpoch", identity.Time.ToUnixTimeMilliseconds());
            w.WriteEndObject();

            if (match.PathParameters.Count > 0)
            {
                w.WriteStartObject("pathParameters");
                foreach (var (name, value) in match.PathParameters)
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
            }

            var isBase64 = body.Length > 0 && !IsText(request.ContentType);
            if (body.Length > 0)
            {
                w.WriteString("body", isBase64 ? Convert.ToBase64String(body) : System.Text.Encoding.UTF8.GetString(body));
            }

            w.WriteBoolean("isBase64Encoded", isBase64);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Headers lower-cased, multi-values joined with commas, plus the forwarding headers API Gateway adds.</summary>
    private static Dictionary<string, string> Headers(HttpRequest request, RequestIdentity identity)
    {
        var headers = request.Headers
            .Where(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value.ToArray()), StringComparer.Ordinal);
        headers["x-forwarded-for"] = headers.TryGetValue("x-forwarded-for", out var forwarded) ? $"{forwarded}, {identity.SourceIp}" : identity.SourceIp;
        headers.TryAdd("x-forwarded-port", (request.Host.Port ?? 80).ToString(CultureInfo.InvariantCulture));
        headers.TryAdd("x-forwarded-proto", request.Scheme);
        headers.TryAdd("x-amzn-trace-id", identity.TraceId);
        return headers;
    }

    private static void WriteAuthorizer(Utf8JsonWriter w, JwtVerdict authorization)
    {
        w.WriteStartObject("authorizer");
        w.WriteStartObject("jwt");
        w.WriteStartObject("claims");
        foreach (var (name, value) in authorization.Claims)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        if (authorization.Scopes is { } scopes)
        {
            w.WriteStartArray("scopes");
            foreach (var scope in scopes)
            {
                w.WriteStringValue(scope);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("scopes");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Query parameters in order of first appearance, decoded, repeated names gathered.</summary>
    private static List<(string Name, List<string> Values)> Query(string rawQuery)
    {
        var result = new List<(string Name, List<string> Values)>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            var existing = result.FindIndex(r => r.Name == name);
            if (existing < 0)
            {
                result.Add((name, [value]));
            }
            else
            {
                result[existing].Values.Add(value);
            }
        }

        return result;
    }

    /// <summary>Bodies of textual media types reach the function as text; everything else is base64, as API Gateway does.</summary>
    private static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType is "application/json" or "application/xml" or "application/javascript" or "application/ecmascript"
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType.EndsWith("+xml", StringComparison.Ordinal);
    }
}
