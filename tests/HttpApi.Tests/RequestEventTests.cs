using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace HttpApi.Tests;

public sealed class RequestEventTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Event_QueryString_RawKeptAndRepeatedValuesJoinedWithCommas()
    {
        var request = gateway.Request(HttpMethod.Get, "/orders/o-1?status=a&status=b&q=x%20y");

        var received = await gateway.EchoAsync(request);

        Assert.Equal("status=a&status=b&q=x%20y", received.GetProperty("rawQueryString").GetString());
        Assert.Equal("a,b", received.GetProperty("queryStringParameters").GetProperty("status").GetString());
        Assert.Equal("x y", received.GetProperty("queryStringParameters").GetProperty("q").GetString());
    }

    [Fact]
    public async Task Event_NoQueryString_OmitsQueryStringParameters()
    {
        var request = gateway.Request(HttpMethod.Get, "/orders/o-1");

        var received = await gateway.EchoAsync(request);

        Assert.Equal(string.Empty, received.GetProperty("rawQueryString").GetString());
        Assert.False(received.TryGetProperty("queryStringParameters", out _));
        Assert.False(received.TryGetProperty("cookies", out _));
        Assert.False(received.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Event_RepeatedHeaderLines_LowerCasedAndJoinedWithCommas()
    {
        // HttpClient folds repeated headers into one line; a raw request sends them as separate lines.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /orders/o-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Custom-Thing: one\r\nX-Custom-Thing: two\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var raw = await reader.ReadToEndAsync();
        var received = System.Text.Json.JsonDocument.Parse(raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement;

        Assert.Equal("one,two", received.GetProperty("headers").GetProperty("x-custom-thing").GetString());
    }

    [Fact]
    public async Task Event_Cookies_MovedOutOfHeadersIntoCookies()
    {
        var request = gateway.Request(HttpMethod.Get, "/orders/o-1");
        request.Headers.Add("Cookie", "session=abc; theme=dark");

        var received = await gateway.EchoAsync(request);

        Assert.Equal(["session=abc", "theme=dark"], received.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.False(received.GetProperty("headers").TryGetProperty("cookie", out _));
    }

    [Fact]
    public async Task Event_RequestContext_CarriesPayloadFormat2Fields()
    {
        var request = gateway.Request(HttpMethod.Get, "/orders/o-1");
        request.Headers.UserAgent.ParseAdd("curl/8.5.0");

        using var response = await gateway.Client.SendAsync(request);
        var received = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var context = received.GetProperty("requestContext");
        var http = context.GetProperty("http");

        Assert.Equal("2.0", received.GetProperty("version").GetString());
        Assert.Equal("123456789012", context.GetProperty("accountId").GetString());
        Assert.Equal("testapi001", context.GetProperty("apiId").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("domainName").GetString());
        Assert.Equal("GET", http.GetProperty("method").GetString());
        Assert.Equal("/orders/o-1", http.GetProperty("path").GetString());
        Assert.Equal("HTTP/1.1", http.GetProperty("protocol").GetString());
        Assert.Equal("127.0.0.1", http.GetProperty("sourceIp").GetString());
        Assert.Equal("curl/8.5.0", http.GetProperty("userAgent").GetString());
        Assert.Equal("GET /orders/{orderId}", context.GetProperty("routeKey").GetString());
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal(response.Headers.GetValues("apigw-requestid").Single(), context.GetProperty("requestId").GetString());
        Assert.True(DateTimeOffset.TryParseExact(context.GetProperty("time").GetString(), "dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        Assert.True(context.GetProperty("timeEpoch").GetInt64() > 1_600_000_000_000);
        Assert.False(context.TryGetProperty("authorizer", out _));
        Assert.False(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task Event_JsonBody_ArrivesAsText()
    {
        var request = gateway.Request(HttpMethod.Post, "/orders");
        request.Content = new StringContent("""{"orderId":"o-1"}""", Encoding.UTF8, "application/json");

        var received = await gateway.EchoAsync(request);

        Assert.Equal("""{"orderId":"o-1"}""", received.GetProperty("body").GetString());
        Assert.False(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task Event_BinaryBody_ArrivesBase64Encoded()
    {
        var request = gateway.Request(HttpMethod.Post, "/orders");
        request.Content = new ByteArrayContent([0, 1, 2, 255]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var received = await gateway.EchoAsync(request);

        Assert.Equal("AAEC/w==", received.GetProperty("body").GetString());
        Assert.True(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task Event_BodyOverPayloadLimit_Returns413()
    {
        var request = gateway.Request(HttpMethod.Post, "/orders");
        request.Content = new ByteArrayContent(new byte[(64 * 1024) + 1]);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", await response.Content.ReadAsStringAsync());
    }
}
