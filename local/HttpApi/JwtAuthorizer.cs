using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HttpApi;

/// <summary>
/// Enforces a JWT authorizer as API Gateway does: the token from the identity source (a <c>Bearer </c> prefix
/// removed), an RSA signature by one of the issuer's keys (matched by <c>kid</c>), <c>iss</c> equal to the configured
/// issuer, <c>aud</c> (or <c>client_id</c>) among the audiences, <c>exp</c> in the future and <c>nbf</c>/<c>iat</c>
/// in the past (within the clock skew), and when the route requires scopes, one of them in <c>scope</c>/<c>scp</c>.
/// </summary>
internal sealed class JwtAuthorizer(SigningKeys keys, TimeProvider time, TimeSpan clockSkew)
{
    private const int MaxTokenLength = 16 * 1024;

    public async Task<JwtVerdict> AuthorizeAsync(HttpRequest request, JwtAuthorizerSettings settings, IReadOnlyList<string> requiredScopes, CancellationToken cancellationToken)
    {
        var token = IdentityValue(request, settings.IdentitySource);
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength)
        {
            return JwtVerdict.Unauthorized;
        }

        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } payload || !TryBase64(parts[2], out var signature))
        {
            return JwtVerdict.Unauthorized;
        }

        using (header)
        using (payload)
        {
            var claims = payload.RootElement;
            if (claims.ValueKind != JsonValueKind.Object
                || Str(claims, "iss") != settings.Issuer
                || !await SignatureValidAsync(header.RootElement, parts, signature, settings.Issuer, cancellationToken).ConfigureAwait(false)
                || !TimesValid(claims)
                || !AudienceValid(claims, settings.Audiences))
            {
                return JwtVerdict.Unauthorized;
            }

            var scopes = Scopes(claims);
            if (requiredScopes.Count > 0 && (scopes is null || !scopes.Intersect(requiredScopes, StringComparer.Ordinal).Any()))
            {
                return JwtVerdict.Forbidden;
            }

            return new JwtVerdict(200, claims.EnumerateObject().ToDictionary(p => p.Name, p => Flatten(p.Value), StringComparer.Ordinal), scopes);
        }
    }

    private static string? IdentityValue(HttpRequest request, string identitySource)
    {
        const string Header = "$request.header.";
        const string Query = "$request.querystring.";
        if (identitySource.StartsWith(Header, StringComparison.Ordinal))
        {
            return request.Headers[identitySource[Header.Length..]].FirstOrDefault();
        }

        return identitySource.StartsWith(Query, StringComparison.Ordinal) ? request.Query[identitySource[Query.Length..]].FirstOrDefault() : null;
    }

    private async Task<bool> SignatureValidAsync(JsonElement header, string[] parts, byte[] signature, string issuer, CancellationToken cancellationToken)
    {
        var hash = Str(header, "alg") switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default || Str(header, "kid") is not { } kid)
        {
            return false;
        }

        var key = (await keys.GetAsync(issuer, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.KeyId == kid);
        if (key is null || !TryBase64(key.Modulus, out var modulus) || !TryBase64(key.Exponent, out var exponent))
        {
            return false;
        }

        try
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
            return rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private bool TimesValid(JsonElement claims)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)clockSkew.TotalSeconds;
        return Seconds(claims, "exp") is { } exp && exp + skew > now
            && (Seconds(claims, "nbf") ?? now) - skew <= now
            && (Seconds(claims, "iat") ?? now) - skew <= now;
    }

    private static bool AudienceValid(JsonElement claims, IReadOnlyList<string> audiences)
    {
        IEnumerable<string?> given = claims.TryGetProperty("aud", out var aud)
            ? aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : null) : [Str(claims, "aud")]
            : [Str(claims, "client_id")];
        return given.Any(a => a is not null && audiences.Contains(a, StringComparer.Ordinal));
    }

    private static List<string>? Scopes(JsonElement claims)
    {
        foreach (var name in new[] { "scope", "scp" })
        {
            if (claims.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.Array
                    ? [.. value.EnumerateArray().Select(v => v.ToString())]
                    : [.. value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            }
        }

        return null;
    }

    /// <summary>API Gateway passes every claim as a string; lists and objects print as Go prints them (<c>[a b]</c>, <c>map[k:v]</c>).</summary>
    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => $"[{string.Join(' ', value.EnumerateArray().Select(Flatten))}]",
        JsonValueKind.Object => $"map[{string.Join(' ', value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Flatten(p.Value)}"))}]",
        _ => value.GetRawText(),
    };

    private static long? Seconds(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            ? (long)seconds
            : null;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? Decode(string part)
    {
        if (!TryBase64(part, out var bytes))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
