using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using StandIns;

namespace StateMachines.Tests;

/// <summary>
/// The npm <c>asl-validator</c> pinned in <c>js/package.json</c>, installed once with <c>npm ci</c> under an
/// exclusive lock file (parallel test runs wait for the first), and run through its CLI.
/// </summary>
internal static class AslValidatorCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string JsDir => Path.Combine(RepositoryRoot.Find(), "tests", "StateMachines.Tests", "js");

    /// <summary>Runs the validator on the files; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(IEnumerable<string> files)
    {
        await EnsureInstalledAsync();
        var arguments = new List<string> { Path.Combine(JsDir, "node_modules", "asl-validator", "dist", "bin", "asl-validator.js") };
        foreach (var file in files)
        {
            arguments.Add("--json-path");
            arguments.Add(file);
        }

        return await Task.Run(() => Run("node", arguments));
    }

    private static Task EnsureInstalledAsync() => Task.Run(() =>
    {
        var marker = Path.Combine(JsDir, "node_modules", ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        // A named mutex is a real cross-process signal: the first test process installs, the others wait for it.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsDir)))[..16];
        using var mutex = new Mutex(false, $"statemachines-tests-npm-{hash}");
        Assert.True(mutex.WaitOne(Timeout), "timed out waiting for another test process to install asl-validator");
        try
        {
            if (!File.Exists(marker))
            {
                var (exitCode, output) = Run("npm", ["ci", "--prefix", JsDir, "--ignore-scripts", "--no-audit", "--no-fund"]);
                Assert.True(exitCode == 0, $"npm ci for asl-validator failed: {output}");
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    });

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Timeout), $"{program} did not finish within {Timeout.TotalMinutes} minutes");
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr);
    }
}
