using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HttpApi.Tests;

public sealed class JwtAuthorizerTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly string[] Audience = [GatewayFixture.Audience];

    [Fact]
    public async Task Authorize_ValidToken_PassesClaimsAsStringsAndScopes()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, scopes: ["orders/read"], claims: new Dictionary<string, string> { ["email"] = "alice@example.com" });

        var received = await gateway.EchoAsync(Authorized("/secure", $"Bearer {token}"));
        var jwt = received.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt");

        Assert.Equal("alice", jwt.GetProperty("claims").GetProperty("sub").GetString());
        Assert.Equal("alice@example.com", jwt.GetProperty("claims").GetProperty("email").GetString());
        Assert.Equal(gateway.Issuer.IssuerUrl, jwt.GetProperty("claims").GetProperty("iss").GetString());
        Assert.Equal(JsonValueKind.String, jwt.GetProperty("claims").GetProperty("exp").ValueKind);
        Assert.Equal(["orders/read"], jwt.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Authorize_TokenWithoutBearerPrefix_IsAccepted()
    {
        var token = gateway.Issuer.MintToken("alice", Audience);

        var received = await gateway.EchoAsync(Authorized("/secure", token));

        Assert.Equal("alice", received.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt").GetProperty("claims").GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Authorize_AudienceListContainingOneConfigured_IsAccepted()
    {
        var token = gateway.Issuer.MintToken("alice", ["unrelated", "other-client"]);

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_ExpiredWithinClockSkew_IsAccepted()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, lifetime: TimeSpan.FromMinutes(10), issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10).AddSeconds(-20));

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_MissingAuthorizationHeader_Returns401Unauthorized()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/secure"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_ExpiredToken_Returns401()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, lifetime: TimeSpan.FromMinutes(5), issuedAt: DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_TokenNotYetValid_Returns401()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, issuedAt: DateTimeOffset.UtcNow.AddHours(1));

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_WrongIssuer_Returns401()
    {
        using var stranger = LocalIssuer.Create("http://127.0.0.1:1/_local/issuer");
        var token = stranger.MintToken("mallory", Audience);

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_SameIssuerUrlButAnotherKey_Returns401()
    {
        using var impostor = LocalIssuer.Create(gateway.Issuer.IssuerUrl);
        var token = impostor.MintToken("mallory", Audience);

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_WrongAudience_Returns401()
    {
        var token = gateway.Issuer.MintToken("alice", ["someone-else"]);

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_PayloadTamperedAfterSigning_Returns401()
    {
        var parts = gateway.Issuer.MintToken("alice", Audience).Split('.');
        var forged = System.Buffers.Text.Base64Url.EncodeToString(
            System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("alice", "admin", StringComparison.Ordinal)));

        using var response = await gateway.Client.SendAsync(Authorized("/secure", $"Bearer {parts[0]}.{forged}.{parts[2]}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    public async Task Authorize_MalformedToken_Returns401(string authorization)
    {
        using var response = await gateway.Client.SendAsync(Authorized("/secure", authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_RouteScopesAndTokenHasOne_IsAccepted()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, scopes: ["openid", "orders/admin"]);

        var received = await gateway.EchoAsync(Authorized("/scoped", $"Bearer {token}"));

        Assert.Equal(["openid", "orders/admin"], received.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Authorize_RouteScopesAndTokenHasNone_Returns403Forbidden()
    {
        var token = gateway.Issuer.MintToken("alice", Audience, scopes: ["orders/read"]);

        using var response = await gateway.Client.SendAsync(Authorized("/scoped", $"Bearer {token}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await response.Content.ReadAsStringAsync());
    }

    private HttpRequestMessage Authorized(string path, string authorization)
    {
        var request = gateway.Request(HttpMethod.Get, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return request;
    }
}
