using System.Net;

namespace HttpApi.Tests;

public sealed class RoutingTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("GET", "/orders/special", "GET /orders/special")]
    [InlineData("GET", "/orders/o-1", "GET /orders/{orderId}")]
    [InlineData("GET", "/any/thing", "GET /any/{proxy+}")]
    [InlineData("DELETE", "/any/thing", "ANY /any/{proxy+}")]
    [InlineData("POST", "/any/a/b/c", "ANY /any/{proxy+}")]
    public async Task Match_SeveralRoutesFit_MostSpecificWins(string method, string path, string expectedRouteKey)
    {
        var request = gateway.Request(new HttpMethod(method), path);

        var received = await gateway.EchoAsync(request);

        Assert.Equal(expectedRouteKey, received.GetProperty("routeKey").GetString());
        Assert.Equal(method, received.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Match_PathVariable_BindsDecodedPathParameter()
    {
        var request = gateway.Request(HttpMethod.Get, "/orders/o%201");

        var received = await gateway.EchoAsync(request);

        Assert.Equal("GET /orders/{orderId}", received.GetProperty("routeKey").GetString());
        Assert.Equal("o 1", received.GetProperty("pathParameters").GetProperty("orderId").GetString());
        Assert.Equal("/orders/o%201", received.GetProperty("rawPath").GetString());
    }

    [Fact]
    public async Task Match_GreedyVariable_TakesTheRestOfThePath()
    {
        var request = gateway.Request(HttpMethod.Get, "/files/reports/2026/q3.csv");

        var received = await gateway.EchoAsync(request);

        Assert.Equal("reports/2026/q3.csv", received.GetProperty("pathParameters").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Match_GreedyVariableWithNothingAfterIt_ReturnsNotFound()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/files"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Match_UnknownPath_Returns404NotFoundMessage()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/nothing/here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Match_KnownPathOtherMethod_Returns404()
    {
        using var response = await gateway.Client.DeleteAsync(new Uri(gateway.BaseAddress, "/orders/o-1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Match_DefaultRoute_CatchesWhatNothingElseMatches()
    {
        await using var withDefault = new HttpApiGateway(new HttpApiGatewayOptions
        {
            Port = 0,
            Integration = TestFunctions.InvokeAsync,
            Routes = [new GatewayRoute("GET /orders/special", "bare-string"), new GatewayRoute("$default", "echo")],
        });
        await withDefault.StartAsync();

        var received = await gateway.EchoAsync(new HttpRequestMessage(HttpMethod.Put, new Uri(withDefault.BaseAddress, "/whatever/path")));

        Assert.Equal("$default", received.GetProperty("routeKey").GetString());
        Assert.Equal("$default", received.GetProperty("requestContext").GetProperty("routeKey").GetString());
    }

    [Fact]
    public void Constructor_GreedyVariableNotLast_ThrowsArgumentException()
    {
        var options = new HttpApiGatewayOptions { Integration = TestFunctions.InvokeAsync, Routes = [new GatewayRoute("GET /{proxy+}/more", "echo")] };

        var error = Assert.Throws<ArgumentException>(() => new HttpApiGateway(options));

        Assert.Contains("greedy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RouteWithUnknownAuthorizer_ThrowsArgumentException()
    {
        var options = new HttpApiGatewayOptions { Integration = TestFunctions.InvokeAsync, Routes = [new GatewayRoute("GET /x", "echo") { Authorizer = "missing" }] };

        var error = Assert.Throws<ArgumentException>(() => new HttpApiGateway(options));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }
}
