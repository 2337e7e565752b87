namespace Workers.Local;

/// <summary>The <c>run</c> verb's arguments.</summary>
internal sealed record RunOptions(string DefinitionPath, string Input, string Name, string? MockConfigPath, string? TestCase, bool RealClock)
{
    /// <summary>Parses the arguments; returns null with <paramref name="error"/> set when they are not usable.</summary>
    public static RunOptions? Parse(string[] args, out string? error)
    {
        string? path = null;
        string? input = null;
        string? name = null;
        string? mocks = null;
        string? testCase = null;
        var clock = "virtual";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--input" when value is not null:
                    input = value;
                    i++;
                    break;
                case "--name" when value is not null:
                    name = value;
                    i++;
                    break;
                case "--mock-config" when value is not null:
                    mocks = value;
                    i++;
                    break;
                case "--test-case" when value is not null:
                    testCase = value;
                    i++;
                    break;
                case "--clock" when value is "virtual" or "real":
                    clock = value;
                    i++;
                    break;
                case var file when path is null && !file.StartsWith("--", StringComparison.Ordinal):
                    path = file;
                    break;
                default:
                    error = $"run: unexpected argument '{args[i]}'.";
                    return null;
            }
        }

        if (path is null)
        {
            error = "run: the definition file is required.";
            return null;
        }

        if ((mocks is null) != (testCase is null))
        {
            error = "run: --mock-config and --test-case go together.";
            return null;
        }

        error = null;
        var fileName = Path.GetFileName(path);
        var defaultName = fileName.EndsWith(".asl.json", StringComparison.OrdinalIgnoreCase) ? fileName[..^".asl.json".Length] : Path.GetFileNameWithoutExtension(fileName);
        return new RunOptions(path, input ?? "{}", name ?? defaultName, mocks, testCase, clock == "real");
    }
}
