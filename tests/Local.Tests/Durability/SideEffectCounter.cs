using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Local.Tests.Durability;

/// <summary>
/// The test function behind LAMBDA_ENDPOINT: a real HTTP listener serving the Lambda Invoke REST API that counts
/// each call by (execution, step), keeps the task tokens it is handed, and answers <c>{"ok":true}</c>.
/// </summary>
internal sealed class SideEffectCounter : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public SideEffectCounter()
    {
        Port = ServeProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>How many times <paramref name="step"/> of <paramref name="execution"/> ran.</summary>
    public int Calls(string execution, string step) => _calls.GetValueOrDefault(execution + "/" + step);

    /// <summary>Every call so far, by <c>execution/step</c>.</summary>
    public IReadOnlyDictionary<string, int> All => _calls;

    /// <summary>The task token the execution's callback step was handed, if it has run.</summary>
    public string? Token(string execution) => _tokens.GetValueOrDefault(execution);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var payload = JsonNode.Parse(await reader.ReadToEndAsync());
                var execution = payload?["execution"]?.GetValue<string>() ?? "?";
                var step = payload?["step"]?.GetValue<string>() ?? "?";
                _calls.AddOrUpdate(execution + "/" + step, 1, (_, count) => count + 1);
                if (payload?["token"]?.GetValue<string>() is { } token)
                {
                    _tokens[execution] = token;
                }
            }

            var body = """{"ok":true}"""u8.ToArray();
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
