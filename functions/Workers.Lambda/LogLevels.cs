namespace Workers.Lambda;

/// <summary>
/// Powertools' level names (Microsoft.Extensions.Logging's), their order, and the aliases Powertools and Lambda's
/// own log-level setting accept (<c>INFO</c>, <c>WARN</c>, <c>FATAL</c>), matched case-insensitively.
/// </summary>
internal static class LogLevels
{
    public const string Information = "Information";
    public const string Error = "Error";

    private static readonly string[] Ordered = ["Trace", "Debug", Information, "Warning", Error, "Critical", "None"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Info"] = Information,
        ["Warn"] = "Warning",
        ["Fatal"] = "Critical",
    };

    /// <summary>The canonical name of a level; unknown names are kept as given.</summary>
    public static string Normalize(string level)
    {
        if (Aliases.TryGetValue(level, out var alias))
        {
            return alias;
        }

        var known = Array.Find(Ordered, name => string.Equals(name, level, StringComparison.OrdinalIgnoreCase));
        return known ?? level;
    }

    /// <summary>The rank of a level; unknown names rank as Information so their messages are not lost.</summary>
    public static int Rank(string level)
    {
        var index = Array.IndexOf(Ordered, Normalize(level));
        return index < 0 ? Array.IndexOf(Ordered, Information) : index;
    }
}
