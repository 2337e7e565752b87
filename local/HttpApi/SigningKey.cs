namespace HttpApi;

/// <summary>An RSA public key from a JWKS: key id and base64url modulus and exponent.</summary>
internal sealed record SigningKey(string KeyId, string Modulus, string Exponent);
