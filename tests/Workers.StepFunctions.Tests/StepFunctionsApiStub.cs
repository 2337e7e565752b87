using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Workers.StepFunctions.Tests;

/// <summary>
/// A real HTTP endpoint on a free loopback port that answers every request with one canned status and body and
/// records what arrived, so tests assert the client's wire shape.
/// </summary>
internal sealed class StepFunctionsApiStub : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Channel<ReceivedRequest> _requests = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly Task _serving;

    private StepFunctionsApiStub(HttpListener listener, int port)
    {
        _listener = listener;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Status { get; set; } = 200;

    public string Body { get; set; } = "{}";

    public static StepFunctionsApiStub Start()
    {
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new StepFunctionsApiStub(listener, port);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }
    }

    public async Task<ReceivedRequest> NextRequestAsync() =>
        await _requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ServeAsync()
    {
        while (true)
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(key => key is not null)
                .ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
            await _requests.Writer.WriteAsync(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));

            var bytes = Encoding.UTF8.GetBytes(Body);
            context.Response.StatusCode = Status;
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>A request the stub received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
