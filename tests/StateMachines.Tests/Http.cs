using Workers.Lambda;

namespace StateMachines.Tests;

/// <summary>HTTP API v2 events the way API Gateway delivers them, with the JWT authorizer's <c>sub</c> claim when given.</summary>
internal static class Http
{
    public static APIGatewayHttpApiV2ProxyRequest Request(string method, string path, string? body, string? approvalId = null, string? sub = null) => new()
    {
        Version = "2.0",
        RawPath = path,
        Body = body,
        PathParameters = approvalId is null ? null : new Dictionary<string, string> { ["approvalId"] = approvalId },
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
