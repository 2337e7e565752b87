namespace Template;

/// <summary>A JWT authorizer of an HTTP API: where the token is read and which issuer and audiences it must carry.</summary>
public sealed record JwtAuthorizer(string Name, string IdentitySource, string Issuer, IReadOnlyList<string> Audiences);
