using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HttpApi.Tests;

/// <summary>One gateway on a free loopback port with the test functions, a JWT authorizer and a local issuer.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string Audience = "workers-local";

    private HttpApiGateway? _gateway;

    public GatewayFixture()
    {
        Port = FreePort();
        Issuer = LocalIssuer.Create(LocalIssuer.UrlFor(Port));
    }

    public int Port { get; }

    public LocalIssuer Issuer { get; }

    public HttpClient Client { get; } = new();

    public Uri BaseAddress => _gateway!.BaseAddress;

    public static GatewayRoute[] Routes { get; } =
    [
        new("GET /orders/{orderId}", "echo"),
        new("GET /orders/special", "echo"),
        new("POST /orders", "echo"),
        new("GET /files/{path+}", "echo"),
        new("ANY /any/{proxy+}", "echo"),
        new("GET /any/{proxy+}", "echo"),
        new("GET /secure", "echo") { Authorizer = "approvers" },
        new("GET /scoped", "echo") { Authorizer = "approvers", AuthorizationScopes = ["orders/write", "orders/admin"] },
        new("GET /bare-string", "bare-string"),
        new("GET /bare-object", "bare-object"),
        new("GET /structured", "structured"),
        new("GET /binary", "binary"),
        new("GET /fail", "fail"),
        new("GET /garbage", "garbage"),
        new("GET /bad-status", "bad-status"),
        new("GET /throws", "throws"),
        new("GET /hangs", "hangs"),
    ];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        _gateway = new HttpApiGateway(new HttpApiGatewayOptions
        {
            Port = Port,
            ApiId = "testapi001",
            Integration = TestFunctions.InvokeAsync,
            Routes = Routes,
            Authorizers = [new JwtAuthorizerSettings("approvers", "$request.header.Authorization", Issuer.IssuerUrl, ["other-client", Audience])],
            Issuers = [Issuer],
            MaxRequestBodySize = 64 * 1024,
            IntegrationTimeout = TimeSpan.FromMilliseconds(200),
        });
        await _gateway.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Issuer.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    /// <summary>Sends a request to the echo function and returns the v2.0 event it received.</summary>
    public async Task<JsonElement> EchoAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public HttpRequestMessage Request(HttpMethod method, string pathAndQuery) => new(method, new Uri(BaseAddress, pathAndQuery));
}
