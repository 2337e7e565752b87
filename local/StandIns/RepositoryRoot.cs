namespace StandIns;

/// <summary>Finds the repository root: the nearest folder holding <c>Workers.sln</c>.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Workers.sln";

    /// <summary>
    /// Walks up from the application's base directory, then from the current directory, to the first folder that
    /// holds <c>Workers.sln</c>.
    /// </summary>
    /// <exception cref="StandInException">Neither walk reaches such a folder.</exception>
    public static string Find()
    {
        return FindFrom(AppContext.BaseDirectory)
            ?? FindFrom(Directory.GetCurrentDirectory())
            ?? throw new StandInException(
                $"Cannot find the repository root: no {SolutionFile} above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'.");
    }

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
