namespace StepFunctions.Local;

/// <summary>AWS's rule for state machine, execution and tag-free resource names: 1–80 characters, none of the reserved ones.</summary>
internal static class Names
{
    private const string Reserved = "<>{}[]?*\"#%\\^|~`$&,;:/";

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 80
        && !name.Any(c => char.IsWhiteSpace(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F) || Reserved.Contains(c, StringComparison.Ordinal));
}
