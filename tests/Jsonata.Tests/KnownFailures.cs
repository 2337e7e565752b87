namespace Jsonata.Tests;

/// <summary>The suite cases this implementation does not pass, each with the reason. Kept as short as possible.</summary>
public static class KnownFailures
{
    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
