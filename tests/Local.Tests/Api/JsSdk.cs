using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>
/// The AWS SDK for JavaScript v3 (<c>@aws-sdk/client-sfn</c>, pinned in <c>tests/Local.Tests/js/package.json</c>),
/// installed with <c>npm ci</c> on first use under a lock so parallel test runs install it once.
/// </summary>
internal static class JsSdk
{
    private static readonly string Directory = typeof(JsSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "JsClientDirectory").Value!;

    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Runs the calls in order in one node process; each result is <c>{ok, output}</c> or <c>{ok:false, name, message, status}</c>.</summary>
    public static Task<JsonArray> RunAsync(TestServer server, JsonArray calls) => RunAsync(server.Endpoint, calls);

    /// <summary>Runs the calls against any Step Functions endpoint (a running <c>up</c>, for instance).</summary>
    public static async Task<JsonArray> RunAsync(string endpoint, JsonArray calls)
    {
        await EnsureInstalledAsync();
        var result = await ProcessRunner.RunAsync("node", [Path.Combine(Directory, "sfn-calls.mjs"), endpoint], stdin: calls.ToJsonString(), workingDirectory: Directory);
        return result.ExitCode == 0
            ? JsonNode.Parse(result.Stdout)!.AsArray()
            : throw new InvalidOperationException($"node exited with {result.ExitCode}: {result.Stderr}");
    }

    /// <summary>One call: <c>{"op": op, "input": input}</c>.</summary>
    public static JsonObject Call(string op, JsonObject input) => new() { ["op"] = op, ["input"] = input };

    private static async Task EnsureInstalledAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            if (!IsInstalled())
            {
                // A named mutex is shared by every test process on the machine, so one of them installs and the rest wait.
                await Task.Factory.StartNew(InstallUnderMutex, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static void InstallUnderMutex()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Directory)))[..16];
        using var mutex = new Mutex(false, $"Global\\local-tests-js-{hash}");
        try
        {
            if (!mutex.WaitOne(TimeSpan.FromMinutes(5)))
            {
                throw new TimeoutException("Another process held the npm install lock for five minutes.");
            }
        }
        catch (AbandonedMutexException)
        {
            // The previous holder died mid-install; npm ci starts from scratch anyway.
        }

        try
        {
            if (IsInstalled())
            {
                return;
            }

            var startInfo = new System.Diagnostics.ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "ci", "--prefix", Directory, "--ignore-scripts", "--no-audit", "--no-fund" })
            {
                startInfo.ArgumentList.Add(arg);
            }

            using var npm = System.Diagnostics.Process.Start(startInfo)!;
            var stderr = npm.StandardError.ReadToEndAsync();
            npm.StandardOutput.ReadToEnd();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)) || npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} failed: {stderr.GetAwaiter().GetResult()}");
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static bool IsInstalled() => File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json"));
}
