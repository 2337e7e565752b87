using System.Net;
using System.Text.Json;

namespace HttpApi.Tests;

public sealed class LocalIssuerTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Discovery_OpenIdConfiguration_NamesIssuerAndJwksUri()
    {
        var document = await GetJsonAsync("/_local/issuer/.well-known/openid-configuration");

        Assert.Equal(gateway.Issuer.IssuerUrl, document.GetProperty("issuer").GetString());
        Assert.Equal($"{gateway.Issuer.IssuerUrl}/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Discovery_Jwks_PublishesTheSigningKey()
    {
        var document = await GetJsonAsync("/_local/issuer/.well-known/jwks.json");
        var key = document.GetProperty("keys").EnumerateArray().Single();

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal(gateway.Issuer.KeyId, key.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Gateway_IssuerKnownOnlyByUrl_FetchesItsKeysOverDiscovery()
    {
        var port = GatewayFixture.FreePort();
        using var remote = LocalIssuer.Create(LocalIssuer.UrlFor(port));
        await using var issuerHost = new HttpApiGateway(new HttpApiGatewayOptions { Port = port, Integration = TestFunctions.InvokeAsync, Issuers = [remote] });
        await issuerHost.StartAsync();
        await using var consumer = new HttpApiGateway(new HttpApiGatewayOptions
        {
            Port = 0,
            Integration = TestFunctions.InvokeAsync,
            Routes = [new GatewayRoute("GET /secure", "bare-string") { Authorizer = "remote" }],
            Authorizers = [new JwtAuthorizerSettings("remote", "$request.header.Authorization", remote.IssuerUrl, ["client"])],
        });
        await consumer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(consumer.BaseAddress, "/secure"));
        request.Headers.Authorization = new("Bearer", remote.MintToken("alice", ["client"]));

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_SameDirectory_KeepsTheKeyAcrossLoads()
    {
        var directory = Directory.CreateTempSubdirectory("local-issuer-").FullName;
        try
        {
            using var first = LocalIssuer.LoadOrCreate(directory, LocalIssuer.UrlFor(3000));
            using var second = LocalIssuer.LoadOrCreate(directory, LocalIssuer.UrlFor(3000));

            Assert.Equal(first.KeyId, second.KeyId);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Directory.GetFiles(directory).Single()));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void MintToken_Claims_CarryIssuerSubjectAudienceAndExpiry()
    {
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var token = gateway.Issuer.MintToken("alice", ["client"], TimeSpan.FromMinutes(30), ["a", "b"], issuedAt: issuedAt);
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement;

        Assert.Equal(gateway.Issuer.IssuerUrl, payload.GetProperty("iss").GetString());
        Assert.Equal("alice", payload.GetProperty("sub").GetString());
        Assert.Equal("client", payload.GetProperty("aud").GetString());
        Assert.Equal(1_800_001_800, payload.GetProperty("exp").GetInt64());
        Assert.Equal("a b", payload.GetProperty("scope").GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
