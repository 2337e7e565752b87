using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Local.Tests.Up;

namespace Local.Tests.Durability;

/// <summary>
/// <c>serve --data DIR</c> as a real process (the built Workers.Local), its ready line awaited; <see cref="KillAsync"/>
/// ends it with SIGKILL, as <c>kill -9</c> does, so nothing gets a chance to flush or close.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors;

    private ServeProcess(Process process, int port, System.Collections.Concurrent.ConcurrentQueue<string> errors)
    {
        _process = process;
        _errors = errors;
        Endpoint = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(Endpoint) };
    }

    /// <summary>The endpoint URL clients (the AWS CLI) are given.</summary>
    public string Endpoint { get; }


    public static async Task<ServeProcess> StartAsync(string dataDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(UpProcess.RepositoryRoot, "local", "Workers.Local", "bin", "Debug", "net10.0", "Workers.Local.dll"));
        foreach (var argument in new[] { "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("Step Functions API ready", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                errors.Enqueue(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(ready.Task, process.WaitForExitAsync()).WaitAsync(ReadyTimeout);
        return ready.Task.IsCompleted
            ? new ServeProcess(process, port, errors)
            : throw new InvalidOperationException($"serve exited with code {process.ExitCode} before it was ready: {string.Join(" | ", errors)}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Calls an operation; a non-200 answer fails loudly with the error document.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        var (status, body) = await TryCallAsync(operation, request);
        return status == 200 ? body : throw new InvalidOperationException($"{operation} answered {status}: {body.ToJsonString()}");
    }

    /// <summary>Calls an operation and returns the HTTP status with the JSON body.</summary>
    public async Task<(int Status, JsonObject Body)> TryCallAsync(string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await _http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return ((int)response.StatusCode, body);
    }

    /// <summary>Polls the other process (it has no push signal) until the status is reached; the timeout is a safety net.</summary>
    public async Task UntilStatusAsync(string executionArn, string status)
    {
        using var timeout = new CancellationTokenSource(SafetyNet);
        using var poll = new PeriodicTimer(PollInterval);
        while ((await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }))["status"]!.GetValue<string>() != status)
        {
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>
    /// The first standard error line that mentions <paramref name="text"/>, once the process has written it (stderr and
    /// the ready line on stdout arrive on separate pipes, in no fixed order).
    /// </summary>
    public async Task<string> ErrorLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(SafetyNet);
        using var poll = new PeriodicTimer(PollInterval);
        while (!_errors.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            await poll.WaitForNextTickAsync(timeout.Token);
        }

        return _errors.First(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Polls until the execution's history holds an event of <paramref name="type"/>.</summary>
    public async Task UntilEventAsync(string executionArn, string type)
    {
        using var timeout = new CancellationTokenSource(SafetyNet);
        using var poll = new PeriodicTimer(PollInterval);
        while (!(await HistoryAsync(executionArn)).Any(e => e["type"]!.GetValue<string>() == type))
        {
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }

    public async Task<IReadOnlyList<JsonNode>> HistoryAsync(string executionArn) =>
        [.. (await CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 1000 }))["events"]!.AsArray().Select(e => e!)];

    /// <summary>SIGKILL, then wait for the exit.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }
}
