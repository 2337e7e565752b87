using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Workers.Tests;

/// <summary>
/// A real Runtime API (2018-06-01) on a free loopback port: serves queued invocations to <c>/next</c> with the
/// given headers and records every POST the runtime makes, so tests assert exactly what went over the wire.
/// </summary>
internal sealed class RuntimeApiStub : IAsyncDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpListener _listener;
    private readonly Channel<StubInvocation> _pending = Channel.CreateUnbounded<StubInvocation>();
    private readonly Channel<RuntimeApiPost> _posts = Channel.CreateUnbounded<RuntimeApiPost>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private RuntimeApiStub(HttpListener listener, int port)
    {
        _listener = listener;
        HostAndPort = $"127.0.0.1:{port}";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string HostAndPort { get; }

    /// <summary>The status every POST is answered with (202 unless a test sets otherwise).</summary>
    public int PostStatus { get; set; } = 202;

    public static RuntimeApiStub Start()
    {
        while (true)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApiStub(listener, port);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Queues an event for <c>/next</c> with the given Runtime API headers.</summary>
    public void Enqueue(string requestId, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        _pending.Writer.TryWrite(new StubInvocation(requestId, body, headers ?? new Dictionary<string, string>()));

    /// <summary>The next POST the runtime made.</summary>
    public async Task<RuntimeApiPost> NextPostAsync() =>
        await _posts.Reader.ReadAsync().AsTask().WaitAsync(SafetyTimeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                var invocation = await _pending.Reader.ReadAsync(_stop.Token);
                context.Response.StatusCode = 200;
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
                foreach (var (name, value) in invocation.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                await WriteAsync(context.Response, invocation.Body);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(key => key is not null)
                .ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
            await _posts.Writer.WriteAsync(new RuntimeApiPost(path, body, headers));
            context.Response.StatusCode = PostStatus;
            await WriteAsync(context.Response, "{\"status\":\"OK\"}");
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            context.Response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private sealed record StubInvocation(string RequestId, string Body, IReadOnlyDictionary<string, string> Headers);
}

/// <summary>A POST the runtime made to the Runtime API.</summary>
internal sealed record RuntimeApiPost(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
