using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Local.Tests.Api;

namespace Local.Tests.Up;

/// <summary>
/// <c>up</c> started as a real process (<c>dotnet Workers.Local.dll up</c>) on free ports, its ready line awaited and
/// the endpoints it printed kept; disposing sends SIGTERM and waits for the exit.
/// </summary>
public sealed class UpProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, string> _endpoints = new(StringComparer.Ordinal);

    private UpProcess(Process process, int apiPort, int sfnPort)
    {
        _process = process;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        ApiPort = apiPort;
        SfnPort = sfnPort;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string CommandLineDll { get; } = Path.Combine(RepositoryRoot, "local", "Workers.Local", "bin", "Debug", "net10.0", "Workers.Local.dll");

    public HttpClient Api { get; }

    public int ApiPort { get; }

    public int SfnPort { get; }

    public int ProcessId => _process.Id;

    /// <summary>The Step Functions API, as the AWS CLI's <c>--endpoint-url</c> takes it.</summary>
    public string SfnEndpoint => $"http://127.0.0.1:{SfnPort}";

    /// <summary>An SDK client for the dynalite this <c>up</c> started (any key pair does).</summary>
    public AmazonDynamoDBClient DynamoDb() => new(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint("DynamoDB (dynalite)"), AuthenticationRegion = "us-east-1" });

    /// <summary>An SDK client for the s3rver this <c>up</c> started, signed with s3rver's key pair.</summary>
    public AmazonS3Client S3() => new(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonS3Config { ServiceURL = Endpoint("S3 (s3rver)"), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>Runs the command line to its end, like a user in a terminal (e.g. <c>invoke</c>, or an <c>up</c> that cannot start).</summary>
    internal static Task<ProcessResult> CommandAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [CommandLineDll, .. arguments], environment, workingDirectory: RepositoryRoot);

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
            else if (line.Data?.Split("http://", 2) is [var name, var url] && !up._ready.Task.IsCompleted)
            {
                up._endpoints[name.Trim()] = "http://" + url.Trim();
            }
        };
        var errors = new ConcurrentQueue<string>();
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
        var token = await CommandAsync(null, "token", "--sub", subject, "--api-port", ApiPort.ToString(CultureInfo.InvariantCulture));
        return token.Stdout.Trim();
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

    /// <summary>Every live process whose environment holds the variable: what a run marked with it left behind.</summary>
    public static IReadOnlyList<int> ProcessesWithVariable(string name)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(name + "=");
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadEnvironment(dir).AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(pid);
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
        startInfo.ArgumentList.Add(CommandLineDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static byte[] ReadEnvironment(string processDirectory)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(processDirectory, "environ"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while the scan ran, or belongs to someone else: it is not ours.
            return [];
        }
    }

    private string Endpoint(string name) =>
        _endpoints.TryGetValue(name, out var url) ? url : throw new InvalidOperationException($"up printed no '{name}' endpoint; it printed: {string.Join(", ", _endpoints.Keys)}");

    public static int FreePort()
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
