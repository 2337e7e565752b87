using System.Globalization;
using System.Text.RegularExpressions;

namespace Asl;

/// <summary>The RFC 3339 timestamps Wait and the Timestamp comparisons accept: upper-case <c>T</c>, <c>Z</c> or an offset.</summary>
internal static partial class Timestamps
{
    public static bool IsValid(string text) =>
        Shape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
