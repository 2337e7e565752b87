using System.Collections.Concurrent;
using System.Text.Json;

namespace HttpApi;

/// <summary>
/// The keys an issuer signs with. A local issuer's are known directly; any other issuer's are fetched as API
/// Gateway fetches them, from <c>{issuer}/.well-known/openid-configuration</c> then its <c>jwks_uri</c>, and cached.
/// </summary>
internal sealed class SigningKeys(IReadOnlyList<LocalIssuer> localIssuers, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5), MaxResponseContentBufferSize = MaxDocumentBytes };
    private readonly ConcurrentDictionary<string, (DateTimeOffset Fetched, IReadOnlyList<SigningKey> Keys)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<SigningKey>> GetAsync(string issuer, CancellationToken cancellationToken)
    {
        if (localIssuers.FirstOrDefault(i => i.IssuerUrl == issuer.TrimEnd('/')) is { } local)
        {
            return [new SigningKey(local.KeyId, local.Modulus, local.Exponent)];
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(issuer, out var cached) && now - cached.Fetched < CacheLifetime)
        {
            return cached.Keys;
        }

        var keys = await FetchAsync(issuer, cancellationToken).ConfigureAwait(false);
        _cache[issuer] = (now, keys);
        return keys;
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<SigningKey>> FetchAsync(string issuer, CancellationToken cancellationToken)
    {
        try
        {
            using var discovery = JsonDocument.Parse(await _http.GetByteArrayAsync($"{issuer.TrimEnd('/')}/.well-known/openid-configuration", cancellationToken).ConfigureAwait(false));
            if (!discovery.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.GetString() is not { } uri)
            {
                return [];
            }

            using var jwks = JsonDocument.Parse(await _http.GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false));
            return [.. jwks.RootElement.GetProperty("keys").EnumerateArray()
                .Where(k => k.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA")
                .Select(k => new SigningKey(
                    k.TryGetProperty("kid", out var kid) ? kid.GetString() ?? string.Empty : string.Empty,
                    k.GetProperty("n").GetString() ?? string.Empty,
                    k.GetProperty("e").GetString() ?? string.Empty))];
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // API Gateway answers 401 when it cannot get the issuer's keys; an empty set gives exactly that.
            return [];
        }
    }
}
