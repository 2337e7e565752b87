using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Local.Tests.Up;

/// <summary>
/// <c>up</c> started as a real process (<c>dotnet Workers.Local.dll up</c>) on free ports, its ready line awaited;
/// disposing sends SIGTERM and waits for the exit.
/// </summary>
public sealed class UpProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private UpProcess(Process process, int apiPort, int sfnPort)
    {
        _process = process;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        ApiPort = apiPort;
        SfnPort = sfnPort;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public HttpClient Api { get; }

    public int ApiPort { get; }

    public int SfnPort { get; }

    public int ProcessId => _process.Id;

    public static async Task<UpProcess> StartAsync(params string[] extraArguments)
    {
        var apiPort = FreePort();
        var sfnPort = FreePort();
        var startInfo = Dotnet("up", "--api-port", apiPort.ToString(CultureInfo.InvariantCulture), "--sfn-port", sfnPort.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in extraArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        var up = new UpProcess(process, apiPort, sfnPort);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("Local cloud ready", StringComparison.Ordinal) == true)
            {
                up._ready.TrySetResult();
            }
        };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                errors.Enqueue(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(up._ready.Task, process.WaitForExitAsync()).WaitAsync(ReadyTimeout);
        if (!up._ready.Task.IsCompleted)
        {
            throw new InvalidOperationException($"up exited with code {process.ExitCode} before it was ready: {string.Join(" | ", errors)}");
        }

        return up;
    }

    /// <summary>A token from the <c>token</c> verb, run as its own process like a user runs it.</summary>
    public async Task<string> TokenAsync(string subject)
    {
        using var process = Process.Start(Dotnet("token", "--sub", subject, "--api-port", ApiPort.ToString(CultureInfo.InvariantCulture)))!;
        var token = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return token.Trim();
    }

    /// <summary>Every descendant process id of <c>up</c>, read from /proc.</summary>
    public IReadOnlyList<int> Descendants()
    {
        var found = new List<int>();
        var pending = new Queue<int>([_process.Id]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var taskDir in Directory.Exists($"/proc/{pid}/task") ? Directory.GetDirectories($"/proc/{pid}/task") : [])
            {
                var childrenFile = Path.Combine(taskDir, "children");
                var children = File.Exists(childrenFile) ? File.ReadAllText(childrenFile) : string.Empty;
                foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
                {
                    found.Add(child);
                    pending.Enqueue(child);
                }
            }
        }

        return found;
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await TerminateAsync();
        _process.Dispose();
        Api.Dispose();
    }

    private static ProcessStartInfo Dotnet(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryRoot, "local", "Workers.Local", "bin", "Debug", "net10.0", "Workers.Local.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workers.sln not found above the test assembly");
    }
}
