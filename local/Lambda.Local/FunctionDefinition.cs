namespace Lambda.Local;

/// <summary>
/// One function the emulator can run: the executable that implements it (a custom-runtime style program that talks
/// to the Runtime API through <c>AWS_LAMBDA_RUNTIME_API</c>) and its configuration as the template declares it.
/// </summary>
/// <param name="Name">The function name (what an ARN calls <c>function:&lt;name&gt;</c>), 1 to 64 characters.</param>
/// <param name="Command">The executable to start: a path, or a program on PATH such as <c>dotnet</c>.</param>
public sealed record FunctionDefinition(string Name, string Command)
{
    /// <summary>Arguments passed to <see cref="Command"/>, for example the assembly path after <c>dotnet</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The process's working directory, also exposed as <c>LAMBDA_TASK_ROOT</c>; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The function's own environment variables (the template's <c>Environment.Variables</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The template's <c>Handler</c>, exposed as <c>_HANDLER</c>.</summary>
    public string Handler { get; init; } = "bootstrap";

    /// <summary>The template's <c>Runtime</c>, exposed as <c>AWS_EXECUTION_ENV=AWS_Lambda_&lt;runtime&gt;</c>.</summary>
    public string Runtime { get; init; } = "provided.al2023";

    /// <summary>The template's <c>MemorySize</c> in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>); reported, not enforced.</summary>
    public int MemorySize { get; init; } = 128;

    /// <summary>The template's <c>Timeout</c>: an invocation running longer is killed with <c>Sandbox.Timedout</c>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The most processes (execution environments) running this function at once.</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>
    /// A definition that runs a framework-dependent .NET assembly with <c>dotnet &lt;dll&gt;</c> from the
    /// assembly's folder, as the managed <c>dotnet10</c> runtime does when the handler names an assembly.
    /// </summary>
    public static FunctionDefinition ForAssembly(string name, string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        var fullPath = Path.GetFullPath(assemblyPath);
        return new FunctionDefinition(name, "dotnet")
        {
            Arguments = [fullPath],
            WorkingDirectory = Path.GetDirectoryName(fullPath),
            Handler = Path.GetFileNameWithoutExtension(fullPath),
            Runtime = "dotnet10",
        };
    }
}
