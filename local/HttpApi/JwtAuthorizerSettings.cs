namespace HttpApi;

/// <summary>
/// A JWT authorizer as API Gateway configures it: the identity source (<c>$request.header.Authorization</c> or
/// <c>$request.querystring.name</c>), the issuer the token's <c>iss</c> must equal, and the audiences one of which its
/// <c>aud</c> (or <c>client_id</c>) must be.
/// </summary>
public sealed record JwtAuthorizerSettings(string Name, string IdentitySource, string Issuer, IReadOnlyList<string> Audiences);
