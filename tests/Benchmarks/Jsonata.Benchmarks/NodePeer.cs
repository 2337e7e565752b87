using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Jsonata.Benchmarks;

/// <summary>Runs the reference implementation (npm jsonata, pinned in package.json) through peer.js.</summary>
internal static class NodePeer
{
    public static async Task<Dictionary<string, double>> MeasureAsync(string folder, IReadOnlyList<BenchmarkCase> cases, int durationMs, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "jsonata")))
        {
            var install = File.Exists(Path.Combine(folder, "package-lock.json")) ? "ci" : "install";
            await RunAsync("npm", [install, "--no-audit", "--no-fund"], folder, null, cancellationToken);
        }

        var spec = new JsonObject
        {
            ["durationMs"] = durationMs,
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["expr"] = c.Expression,
                ["input"] = c.Input.DeepClone(),
            }).ToArray()),
        };
        var output = await RunAsync("node", ["peer.js"], folder, spec.ToJsonString(), cancellationToken);
        var results = JsonNode.Parse(output)!.AsObject();
        return results.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>());
    }

    private static async Task<string> RunAsync(string file, string[] args, string folder, string? stdin, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var error = await stderr;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {error}"));
        }

        return await stdout;
    }
}
