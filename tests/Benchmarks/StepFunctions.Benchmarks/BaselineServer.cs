using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace StepFunctions.Benchmarks;

/// <summary>
/// The npm <c>stepfunctions-local</c> 1.3.1 server (pinned in <c>node/package.json</c>), installed with npm ci on first
/// use and started on a free loopback port through the <c>loopback.cjs</c> preload, since it binds every interface.
/// </summary>
internal sealed class BaselineServer : IDisposable
{
    private static readonly string Directory = typeof(BaselineServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BaselineDirectory").Value!;

    private readonly Process _process;

    private BaselineServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<BaselineServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")))
        {
            await RunAsync("npm", "ci", "--prefix", Directory, "--ignore-scripts", "--no-audit", "--no-fund");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-r", "./loopback.cjs", "node_modules/stepfunctions-local/bin/stepfunctions-local-start.js", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new BaselineServer(process, new Uri($"http://127.0.0.1:{port}/"));
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}");
        }
    }
}
