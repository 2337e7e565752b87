namespace HttpApi;

/// <summary>
/// The authorizer's answer: allowed with the token's claims (flattened to strings as API Gateway passes them) and
/// scopes, or refused with 401 (no valid token) or 403 (valid token without a required scope).
/// </summary>
internal sealed record JwtVerdict(int StatusCode, IReadOnlyDictionary<string, string> Claims, IReadOnlyList<string>? Scopes)
{
    public static JwtVerdict Unauthorized { get; } = new(401, new Dictionary<string, string>(), null);

    public static JwtVerdict Forbidden { get; } = new(403, new Dictionary<string, string>(), null);

    public bool Allowed => StatusCode == 200;
}
