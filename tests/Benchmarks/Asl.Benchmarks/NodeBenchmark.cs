using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Asl.Benchmarks;

/// <summary>Installs (when missing) and runs npm aws-local-stepfunctions on the same workloads, measured inside Node.</summary>
internal static class NodeBenchmark
{
    public static async Task<(Throughput Loop, Throughput Map)?> RunAsync(int runs, int warmups)
    {
        var folder = FindFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "aws-local-stepfunctions")))
        {
            var (installed, _, error) = await RunProcessAsync(folder, "npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error").ConfigureAwait(false);
            if (installed != 0)
            {
                await Console.Error.WriteLineAsync($"npm install failed: {error}").ConfigureAwait(false);
                return null;
            }
        }

        var loopFile = Path.Combine(Path.GetTempPath(), "asl-bench-loop.json");
        var mapFile = Path.Combine(Path.GetTempPath(), "asl-bench-map.json");
        await File.WriteAllTextAsync(loopFile, Workloads.Loop).ConfigureAwait(false);
        await File.WriteAllTextAsync(mapFile, Workloads.Map).ConfigureAwait(false);
        var (exit, output, stderr) = await RunProcessAsync(
            folder, "node", "-r", "./polyfill.cjs", "bench.cjs", loopFile, mapFile, runs.ToString(CultureInfo.InvariantCulture), warmups.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (exit != 0)
        {
            await Console.Error.WriteLineAsync($"node benchmark failed: {stderr}").ConfigureAwait(false);
            return null;
        }

        var result = JsonNode.Parse(output)!;
        return (Read(result["loop"]!), Read(result["map"]!));
    }

    private static Throughput Read(JsonNode measured) => new(measured["wall"]!.GetValue<double>(), measured["cpu"]!.GetValue<double>());

    private static string FindFolder()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "bench.cjs")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new DirectoryNotFoundException("bench.cjs not found above the benchmark's output folder");
        }

        return directory;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string folder, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
