using Template;

namespace HttpApi;

/// <summary>Everything the gateway serves: its listener, routes, authorizers, the Lambda integration and local issuers.</summary>
public sealed record HttpApiGatewayOptions
{
    /// <summary>The loopback port; 0 picks a free one (see <see cref="HttpApiGateway.BaseAddress"/>).</summary>
    public int Port { get; init; } = 3000;

    public string ApiId { get; init; } = "localapi01";

    public string AccountId { get; init; } = "123456789012";

    public IReadOnlyList<GatewayRoute> Routes { get; init; } = [];

    public IReadOnlyList<JwtAuthorizerSettings> Authorizers { get; init; } = [];

    /// <summary>Invokes a function with the v2.0 event; the Lambda Runtime API emulator in <c>up</c>.</summary>
    public required Func<string, ReadOnlyMemory<byte>, CancellationToken, Task<InvokeResult>> Integration { get; init; }

    /// <summary>Issuers whose keys are known without fetching, and whose discovery documents the gateway serves.</summary>
    public IReadOnlyList<LocalIssuer> Issuers { get; init; } = [];

    /// <summary>Tolerance on <c>exp</c>, <c>nbf</c> and <c>iat</c> for clocks that disagree.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>API Gateway's integration timeout for HTTP APIs is 30 seconds; after it the client gets 503.</summary>
    public TimeSpan IntegrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>API Gateway's HTTP API payload limit, 10 MB; a larger request gets 413.</summary>
    public long MaxRequestBodySize { get; init; } = 10 * 1024 * 1024;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The routes and authorizers of one template API, the functions named by their physical names.</summary>
    public static HttpApiGatewayOptions FromTemplate(
        HttpApiResource api,
        Func<string, ReadOnlyMemory<byte>, CancellationToken, Task<InvokeResult>> integration)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new HttpApiGatewayOptions
        {
            ApiId = api.ApiId,
            Integration = integration,
            Routes = [.. api.Routes.Select(r => new GatewayRoute(r.RouteKey, r.FunctionName) { Authorizer = r.Authorizer, AuthorizationScopes = r.AuthorizationScopes })],
            Authorizers = [.. api.Authorizers.Values.Select(a => new JwtAuthorizerSettings(a.Name, a.IdentitySource, a.Issuer, a.Audiences))],
        };
    }
}
