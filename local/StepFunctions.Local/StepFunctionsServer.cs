using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StepFunctions.Local;

/// <summary>
/// The Step Functions Local drop-in: <see cref="StepFunctionsApi"/> served over HTTP on a loopback port (8083 by
/// default). StartSyncExecution and TestState carry the <c>sync-</c> endpoint host prefix in the AWS model; they
/// are served on this same listener, so clients turn the prefix off (JS SDK <c>disableHostPrefix: true</c>, pip
/// aws-cli <c>AWS_DISABLE_HOST_PREFIX_INJECTION=true</c>).
/// </summary>
public sealed class StepFunctionsServer : IAsyncDisposable
{
    /// <summary>The largest request body accepted; larger ones are answered 413 without being read.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    private readonly WebApplication _app;

    private StepFunctionsServer(WebApplication app, StepFunctionsApi api)
    {
        _app = app;
        Api = api;
    }

    /// <summary>The API behind the listener (and its engine).</summary>
    public StepFunctionsApi Api { get; }

    /// <summary>The base URL clients use as their endpoint, e.g. <c>http://127.0.0.1:8083</c>.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening on 127.0.0.1 at <see cref="StepFunctionsServerOptions.Port"/> (0 picks a free port).</summary>
    public static async Task<StepFunctionsServer> StartAsync(StepFunctionsServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var api = new StepFunctionsApi(options);
        if (options.DataDirectory is { } data)
        {
            api.UseDataDirectory(data);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new StepFunctionsServer(app, api);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Stops accepting requests and lets in-flight ones finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "application/x-amz-json-1.0";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        ApiResponse answer;
        byte[]? rented = null;
        try
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                answer = StepFunctionsApi.Error(405, "UnknownOperationException", $"The Step Functions API is served by POST /, not {context.Request.Method}");
            }
            else if (context.Request.ContentLength > MaxRequestBytes)
            {
                answer = TooLarge();
            }
            else
            {
                (rented, var length) = await ReadBodyAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
                answer = length > MaxRequestBytes
                    ? TooLarge()
                    : await Api.InvokeAsync(context.Request.Headers["X-Amz-Target"].ToString() is { Length: > 0 } target ? target : null, rented.AsMemory(0, length), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (BadHttpRequestException e)
        {
            answer = StepFunctionsApi.Error(400, "SerializationException", $"The request body could not be read: {e.Message}");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        response.StatusCode = answer.StatusCode;
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static ApiResponse TooLarge() =>
        StepFunctionsApi.Error(413, "RequestEntityTooLargeException", $"The request body exceeds the maximum of {MaxRequestBytes} bytes");

    /// <summary>Reads at most one byte more than the limit, so an oversized chunked body is detected without buffering it.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        while (length <= MaxRequestBytes)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxRequestBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxRequestBytes + 1) - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return (buffer, length);
    }
}
