using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lambda.Local;
using Template;

namespace Workers.Local;

/// <summary>
/// Builds each function project of the template once (<c>dotnet build</c> of the project under its <c>CodeUri</c>),
/// skipping a project whose assembly is newer than every source file it is built from, and describes each function as
/// a <see cref="FunctionDefinition"/> for the Lambda emulator.
/// </summary>
internal static partial class FunctionBuilds
{
    // `sam build` builds .NET functions in Release, and so does this: the functions run the code Lambda runs. Under load
    // it also matters: Debug builds made the saga functions spend about 1.6 times the CPU per order.
    private const string Configuration = "Release";

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Builds the projects behind <paramref name="functions"/>; returns each function's assembly path by logical id.</summary>
    /// <exception cref="LocalCloudException">A function has no project or its build failed.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(
        IEnumerable<FunctionResource> functions, string rootDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        var byProject = new Dictionary<string, List<FunctionResource>>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            var project = ProjectOf(function, rootDirectory);
            if (!byProject.TryGetValue(project, out var list))
            {
                byProject[project] = list = [];
            }

            list.Add(function);
        }

        // Function projects share libraries, so two `up` or `invoke` processes building at once would write the same
        // obj/ and bin/ folders; one machine-wide lock per repository makes the second wait, then find the build done.
        await using var buildLock = await AcquireBuildLockAsync(rootDirectory, cancellationToken).ConfigureAwait(false);
        var assemblies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (project, users) in byProject)
        {
            var assembly = AssemblyOf(project);
            if (!IsUpToDate(project, assembly))
            {
                await log.WriteLineAsync($"Building {Path.GetRelativePath(rootDirectory, project)}").ConfigureAwait(false);
                await RunBuildAsync(project, cancellationToken).ConfigureAwait(false);
            }

            foreach (var function in users)
            {
                assemblies[function.LogicalId] = assembly;
            }
        }

        return assemblies;
    }

    /// <summary>The emulator's definition of <paramref name="function"/>: its assembly, template settings and environment.</summary>
    public static FunctionDefinition Definition(FunctionResource function, string assembly, IReadOnlyDictionary<string, string> endpoints)
    {
        // Lambda gives each environment its own vCPU; here a dozen .NET processes share the machine's cores, and an idle
        // thread-pool thread that spin-waits for work takes a core from a thread that has some. Under load that spinning
        // is what tips the machine into saturation. The template's own setting, if any, wins.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" };
        foreach (var (name, value) in function.Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in endpoints)
        {
            environment[name] = value;
        }

        return FunctionDefinition.ForAssembly(function.Name, assembly) with
        {
            Environment = environment,
            Handler = function.Handler ?? Path.GetFileNameWithoutExtension(assembly),
            Runtime = function.Runtime ?? "dotnet10",
            MemorySize = function.MemorySize,
            Timeout = TimeSpan.FromSeconds(function.Timeout),
            // Lambda gives each concurrent environment its own vCPU; here every process shares the machine's cores, and a
            // cold start (runtime start, JIT, SDK set-up) costs far more CPU than an invocation. Queuing for a warm process
            // beyond one per core keeps bursts from turning into a storm of cold starts.
            MaxConcurrency = Math.Max(2, Environment.ProcessorCount),
        };
    }

    private static async Task<FileStream> AcquireBuildLockAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(rootDirectory))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"workers-local-build-{name}.lock");
        while (true)
        {
            try
            {
                // FileShare.None takes an advisory lock (flock) that .NET honours between its own processes, and the OS
                // drops it when a process dies, so a killed build never leaves it held. The empty file stays: deleting
                // it on close would let a waiter lock the old file while a newcomer locks a new one.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string ProjectOf(FunctionResource function, string rootDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(rootDirectory, function.CodeUri ?? "."));
        var projects = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj") : [];
        return projects.Length == 1
            ? projects[0]
            : throw new LocalCloudException($"{function.LogicalId}: CodeUri '{function.CodeUri}' must be a folder with one .csproj (found {projects.Length}).");
    }

    private static string AssemblyOf(string project) =>
        Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");

    private static bool IsUpToDate(string project, string assembly)
    {
        if (!File.Exists(assembly))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(assembly);
        return SourceFolders(project, []).All(folder => NewestSource(folder) <= built);
    }

    /// <summary>The folders of the project and of every project it references, transitively.</summary>
    private static HashSet<string> SourceFolders(string project, HashSet<string> seen)
    {
        var folder = Path.GetDirectoryName(project)!;
        if (!seen.Add(folder) || !File.Exists(project))
        {
            return seen;
        }

        foreach (Match reference in ProjectReference().Matches(File.ReadAllText(project)))
        {
            SourceFolders(Path.GetFullPath(Path.Combine(folder, reference.Groups[1].Value.Replace('\\', '/'))), seen);
        }

        return seen;
    }

    private static DateTime NewestSource(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)
                && (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal)))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    private static async Task RunBuildAsync(string project, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", project, "-c", Configuration, "--nologo", "-v", "q", "-clp:ErrorsOnly" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new LocalCloudException($"could not start 'dotnet build {project}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var output = $"{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}";
            var firstError = output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? output.Trim();
            throw new LocalCloudException($"build of {Path.GetFileName(project)} failed: {firstError}");
        }
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""([^""]+)""")]
    private static partial Regex ProjectReference();
}
