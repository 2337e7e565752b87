using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StandIns;

/// <summary>
/// One Node stand-in running as a child process on a free loopback port. Disposing kills the whole process tree, and
/// the process is also killed when this program exits without disposing it, so no orphan outlives a test run.
/// </summary>
internal sealed class StandInProcess : IAsyncDisposable
{
    private const int StderrTailChars = 4096;
    private const int PortAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ConnectRetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly EventHandler _killOnExit;
    private int _disposed;

    private StandInProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
        _process.ErrorDataReceived += (_, e) => AppendStderr(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>The loopback port the stand-in listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts <c>node &lt;script&gt; &lt;args for a port&gt;</c> in <paramref name="workingDirectory"/> and waits until the port accepts
    /// connections. A port taken by someone else between choosing and binding it is retried on a fresh port.
    /// </summary>
    public static async Task<StandInProcess> StartAsync(
        string name,
        string workingDirectory,
        Func<int, IReadOnlyList<string>> argumentsForPort,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var startInfo = new ProcessStartInfo("node")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = false,
                UseShellExecute = false,
            };
            foreach (var arg in argumentsForPort(port))
            {
                startInfo.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in environment)
            {
                startInfo.Environment[key] = value;
            }

            var command = "node " + string.Join(' ', startInfo.ArgumentList);
            Process process;
            try
            {
                process = Process.Start(startInfo) ?? throw new StandInException($"Could not start {name}: '{command}'.");
            }
            catch (Win32Exception e)
            {
                throw new StandInException($"node was not found on PATH; install Node.js 20 to run {name} ('{command}').", e);
            }

            var standIn = new StandInProcess(process, port);
            try
            {
                await standIn.WaitForPortAsync(cancellationToken).ConfigureAwait(false);
                return standIn;
            }
            catch (StandInException) when (attempt < PortAttempts && standIn.StderrTail.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await standIn.DisposeAsync().ConfigureAwait(false);
            }
            catch (StandInException e)
            {
                await standIn.DisposeAsync().ConfigureAwait(false);
                throw new StandInException($"{name} did not start ('{command}' in {workingDirectory}): {e.Message}", e);
            }
            catch
            {
                await standIn.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private string StderrTail
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString().Trim();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The kill was sent; a process that ignores SIGKILL for 10 s is the kernel's business, not a reason to hang.
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new StandInException($"exited with code {_process.ExitCode} before opening port {Port}. stderr: {StderrTail}");
            }

            using (var client = new TcpClient())
            {
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                    if (!_process.HasExited)
                    {
                        return;
                    }
                }
                catch (SocketException)
                {
                    // Not listening yet: the loop below decides whether to keep waiting.
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StandInException($"port {Port} did not accept connections within {StartTimeout.TotalSeconds} s. stderr: {StderrTail}");
            }

            await Task.Delay(ConnectRetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void AppendStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StderrTailChars)
            {
                _stderr.Remove(0, _stderr.Length - StderrTailChars);
            }
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
