namespace HttpApi;

/// <summary>
/// One route: a route key (<c>GET /orders/{orderId}</c>, <c>ANY /{proxy+}</c>, <c>$default</c>), the function it
/// invokes, and the JWT authorizer guarding it (null for none) with the scopes it requires (any one suffices).
/// </summary>
public sealed record GatewayRoute(string RouteKey, string FunctionName)
{
    public string? Authorizer { get; init; }

    public IReadOnlyList<string> AuthorizationScopes { get; init; } = [];
}
