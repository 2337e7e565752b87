using System.Net;

namespace HttpApi.Tests;

public sealed class ResponseTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Response_BareString_Returns200JsonWithTheText()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/bare-string"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello from lambda", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_ObjectWithoutStatusCode_Returns200WithTheObjectAsBody()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/bare-object"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"orderId":"o-1","total":12.5}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_StatusCodeObject_AppliesStatusHeadersCookiesAndBody()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/structured"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/orders/o-1", response.Headers.Location?.OriginalString);
        Assert.Equal("3", response.Headers.GetValues("x-count").Single());
        Assert.Equal(["a=1; Path=/", "b=2"], response.Headers.GetValues("set-cookie"));
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_Base64EncodedBody_IsDecoded()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/binary"));

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/fail")]
    [InlineData("/garbage")]
    [InlineData("/bad-status")]
    [InlineData("/throws")]
    public async Task Response_FunctionErrorOrUnreadableAnswer_Returns500InternalServerError(string path)
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, path));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_FunctionPastIntegrationTimeout_Returns503ServiceUnavailable()
    {
        using var response = await gateway.Client.GetAsync(new Uri(gateway.BaseAddress, "/hangs"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"message":"Service Unavailable"}""", await response.Content.ReadAsStringAsync());
    }
}
