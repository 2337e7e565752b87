namespace Template;

/// <summary>
/// One route of an HTTP API as API Gateway would create it: method (<c>ANY</c> for any) and path, or the route key
/// <c>$default</c>; the function behind it; the authorizer in force (the API's default applied; null for none).
/// </summary>
public sealed record HttpApiRoute(string RouteKey, string FunctionLogicalId, string FunctionName)
{
    public string? Authorizer { get; init; }

    public IReadOnlyList<string> AuthorizationScopes { get; init; } = [];
}
