using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HttpApi;

/// <summary>
/// A local API Gateway HTTP API on 127.0.0.1: routes matched as API Gateway matches them, JWT authorizers enforced,
/// each request handed to a Lambda function as a payload format 2.0 event and the answer mapped back, with API
/// Gateway's error shapes (<c>{"message":"Not Found"}</c>, <c>Unauthorized</c>, <c>Internal Server Error</c>, ...).
/// Local issuers' discovery documents are served under <see cref="LocalIssuer.PathPrefix"/>.
/// <code>
/// await using var gateway = new HttpApiGateway(HttpApiGatewayOptions.FromTemplate(api, invoke) with { Issuers = [issuer] });
/// await gateway.StartAsync(cancellationToken);
/// </code>
/// </summary>
public sealed class HttpApiGateway : IAsyncDisposable
{
    private readonly HttpApiGatewayOptions _options;
    private readonly RouteTable _routes;
    private readonly Dictionary<string, JwtAuthorizerSettings> _authorizers;
    private readonly SigningKeys _keys;
    private readonly JwtAuthorizer _jwt;
    private WebApplication? _app;

    /// <exception cref="ArgumentException">A route key is malformed or a route names an authorizer that is not configured.</exception>
    public HttpApiGateway(HttpApiGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _routes = new RouteTable(options.Routes);
        _authorizers = options.Authorizers.ToDictionary(a => a.Name, StringComparer.Ordinal);
        if (options.Routes.FirstOrDefault(r => r.Authorizer is not null && !_authorizers.ContainsKey(r.Authorizer)) is { } orphan)
        {
            throw new ArgumentException($"route '{orphan.RouteKey}' uses authorizer '{orphan.Authorizer}', which is not configured", nameof(options));
        }

        _keys = new SigningKeys(options.Issuers, options.TimeProvider);
        _jwt = new JwtAuthorizer(_keys, options.TimeProvider, options.ClockSkew);
    }

    /// <summary>Where the gateway listens, e.g. <c>http://127.0.0.1:3000</c>; set once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, _options.Port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _keys.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var identity = NewIdentity(context);
        var response = context.Response;
        response.Headers["apigw-requestid"] = identity.RequestId;
        var aborted = context.RequestAborted;

        if (IssuerDocument(context.Request) is { } document)
        {
            await WriteAsync(response, 200, "application/json", document, aborted).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (_routes.Match(context.Request.Method, path) is not { } match)
        {
            await MessageAsync(response, 404, "Not Found", aborted).ConfigureAwait(false);
            return;
        }

        if (await ReadBodyAsync(context.Request, aborted).ConfigureAwait(false) is not { } body)
        {
            await MessageAsync(response, 413, "Request Entity Too Large", aborted).ConfigureAwait(false);
            return;
        }

        JwtVerdict? verdict = null;
        if (match.Route.Authorizer is { } authorizer)
        {
            verdict = await _jwt.AuthorizeAsync(context.Request, _authorizers[authorizer], match.Route.AuthorizationScopes, aborted).ConfigureAwait(false);
            if (!verdict.Allowed)
            {
                await MessageAsync(response, verdict.StatusCode, verdict.StatusCode == 403 ? "Forbidden" : "Unauthorized", aborted).ConfigureAwait(false);
                return;
            }
        }

        var requestEvent = RequestEvent.Write(context, match, body, verdict, identity, _options.ApiId, _options.AccountId);
        await InvokeAsync(response, match.Route.FunctionName, requestEvent, aborted).ConfigureAwait(false);
    }

    private async Task InvokeAsync(HttpResponse response, string functionName, byte[] requestEvent, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(_options.IntegrationTimeout);
        InvokeResult result;
        try
        {
            result = await _options.Integration(functionName, requestEvent, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            await MessageAsync(response, 503, "Service Unavailable", aborted).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever fails in the integration (throttling, a dead process) reaches the client as API Gateway's 500.
            await MessageAsync(response, 500, "Internal Server Error", aborted).ConfigureAwait(false);
            return;
        }

        if (result.FunctionError || FunctionResponse.Read(result.Payload) is not { } answer)
        {
            await MessageAsync(response, 500, "Internal Server Error", aborted).ConfigureAwait(false);
            return;
        }

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        foreach (var cookie in answer.Cookies)
        {
            response.Headers.Append("set-cookie", cookie);
        }

        await WriteAsync(response, answer.StatusCode, null, answer.Body, aborted).ConfigureAwait(false);
    }

    private byte[]? IssuerDocument(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        foreach (var issuer in _options.Issuers)
        {
            var prefix = new Uri(issuer.IssuerUrl).AbsolutePath.TrimEnd('/');
            if (request.Path == prefix + "/.well-known/openid-configuration")
            {
                return issuer.OpenIdConfiguration();
            }

            if (request.Path == prefix + "/.well-known/jwks.json")
            {
                return issuer.JsonWebKeySet();
            }
        }

        return null;
    }

    /// <summary>The body, or null when it exceeds the payload limit; never reads more than the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = _options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private RequestIdentity NewIdentity(HttpContext context)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var requestId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(10));
        var traceId = $"Root=1-{now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        return new RequestIdentity(requestId, traceId, now, context.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1");
    }

    private static Task MessageAsync(HttpResponse response, int statusCode, string message, CancellationToken cancellationToken) =>
        WriteAsync(response, statusCode, "application/json", System.Text.Encoding.UTF8.GetBytes($$"""{"message":"{{message}}"}"""), cancellationToken);

    private static async Task WriteAsync(HttpResponse response, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
