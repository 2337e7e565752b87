using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HttpApi;

/// <summary>
/// A local OpenID issuer for the JWT authorizer: an RSA key (kept in a data folder or made per run), its discovery
/// documents served by the gateway at <c>{IssuerUrl}/.well-known/openid-configuration</c> and
/// <c>{IssuerUrl}/.well-known/jwks.json</c>, and RS256 tokens minted for any subject. The issuer URL is
/// <c>http://127.0.0.1:{port}/_local/issuer</c> (<see cref="UrlFor"/>).
/// </summary>
public sealed class LocalIssuer : IDisposable
{
    /// <summary>Where on the gateway's listener the issuer lives.</summary>
    public const string PathPrefix = "/_local/issuer";

    private const string KeyFileName = "local-issuer-key.pem";
    private readonly RSA _key;

    private LocalIssuer(string issuerUrl, RSA key)
    {
        IssuerUrl = issuerUrl.TrimEnd('/');
        _key = key;
        var parameters = key.ExportParameters(false);
        Modulus = Base64Url.EncodeToString(parameters.Modulus);
        Exponent = Base64Url.EncodeToString(parameters.Exponent);
        KeyId = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Modulus)).AsSpan(0, 16));
    }

    public string IssuerUrl { get; }

    public string KeyId { get; }

    internal string Modulus { get; }

    internal string Exponent { get; }

    /// <summary>The issuer URL for a gateway listening on <paramref name="port"/> of 127.0.0.1.</summary>
    public static string UrlFor(int port) => $"http://127.0.0.1:{port}{PathPrefix}";

    /// <summary>An issuer with a fresh key that lives as long as this process.</summary>
    public static LocalIssuer Create(string issuerUrl) => new(issuerUrl, RSA.Create(2048));

    /// <summary>An issuer whose key is kept in <paramref name="directory"/>, so tokens stay valid across restarts.</summary>
    public static LocalIssuer LoadOrCreate(string directory, string issuerUrl)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, KeyFileName);
        var key = RSA.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return new LocalIssuer(issuerUrl, key);
        }

        key.KeySize = 2048;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        return new LocalIssuer(issuerUrl, key);
    }

    /// <summary>
    /// A signed RS256 token with <c>iss</c>, <c>sub</c>, <c>aud</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>
    /// (<paramref name="lifetime"/>, one hour by default), <c>scope</c> (space-separated) and any extra string claims.
    /// </summary>
    public string MintToken(
        string subject,
        IReadOnlyList<string> audiences,
        TimeSpan? lifetime = null,
        IEnumerable<string>? scopes = null,
        IReadOnlyDictionary<string, string>? claims = null,
        DateTimeOffset? issuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        var now = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var header = JsonBytes(w =>
        {
            w.WriteString("alg", "RS256");
            w.WriteString("typ", "JWT");
            w.WriteString("kid", KeyId);
        });
        var payload = JsonBytes(w =>
        {
            w.WriteString("iss", IssuerUrl);
            w.WriteString("sub", subject);
            if (audiences.Count == 1)
            {
                w.WriteString("aud", audiences[0]);
            }
            else
            {
                w.WriteStartArray("aud");
                foreach (var audience in audiences)
                {
                    w.WriteStringValue(audience);
                }

                w.WriteEndArray();
            }

            w.WriteNumber("iat", now);
            w.WriteNumber("nbf", now);
            w.WriteNumber("exp", now + (long)(lifetime ?? TimeSpan.FromHours(1)).TotalSeconds);
            if (scopes?.ToList() is { Count: > 0 } scopeList)
            {
                w.WriteString("scope", string.Join(' ', scopeList));
            }

            foreach (var (name, value) in claims ?? new Dictionary<string, string>())
            {
                w.WriteString(name, value);
            }
        });
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The OpenID discovery document.</summary>
    public byte[] OpenIdConfiguration() => JsonBytes(w =>
    {
        w.WriteString("issuer", IssuerUrl);
        w.WriteString("jwks_uri", $"{IssuerUrl}/.well-known/jwks.json");
        w.WriteStartArray("id_token_signing_alg_values_supported");
        w.WriteStringValue("RS256");
        w.WriteEndArray();
        w.WriteStartArray("response_types_supported");
        w.WriteStringValue("token");
        w.WriteEndArray();
        w.WriteStartArray("subject_types_supported");
        w.WriteStringValue("public");
        w.WriteEndArray();
    });

    /// <summary>The public key as a JSON Web Key Set.</summary>
    public byte[] JsonWebKeySet() => JsonBytes(w =>
    {
        w.WriteStartArray("keys");
        w.WriteStartObject();
        w.WriteString("kty", "RSA");
        w.WriteString("use", "sig");
        w.WriteString("alg", "RS256");
        w.WriteString("kid", KeyId);
        w.WriteString("n", Modulus);
        w.WriteString("e", Exponent);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public void Dispose() => _key.Dispose();

    private static byte[] JsonBytes(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
