using System.Text.Json;
using Workers.Lambda;

namespace Workers.Tests;

/// <summary>Builds HTTP API v2 events the way API Gateway sends them, and reads responses.</summary>
internal static class ApiRequests
{
    public static APIGatewayHttpApiV2ProxyRequest Post(string path, string? body, IDictionary<string, string>? pathParameters = null, string? sub = null) =>
        Request("POST", path, body, pathParameters, null, sub);

    public static APIGatewayHttpApiV2ProxyRequest Get(string path, IDictionary<string, string>? pathParameters = null, IDictionary<string, string>? query = null, string? sub = null) =>
        Request("GET", path, null, pathParameters, query, sub);

    public static JsonElement Json(APIGatewayHttpApiV2ProxyResponse response) => JsonDocument.Parse(response.Body!).RootElement.Clone();

    public static string Text(APIGatewayHttpApiV2ProxyResponse response, string property) => Json(response).GetProperty(property).GetString()!;

    private static APIGatewayHttpApiV2ProxyRequest Request(
        string method, string path, string? body, IDictionary<string, string>? pathParameters, IDictionary<string, string>? query, string? sub) => new()
    {
        Version = "2.0",
        RawPath = path,
        Body = body,
        PathParameters = pathParameters,
        QueryStringParameters = query,
        RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
        {
            Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription { Method = method, Path = path },
            Authorizer = sub is null ? null : new APIGatewayHttpApiV2ProxyRequest.AuthorizerDescription
            {
                Jwt = new APIGatewayHttpApiV2ProxyRequest.JwtDescription { Claims = new Dictionary<string, string> { ["sub"] = sub } },
            },
        },
    };
}
