using System.Globalization;
using System.Text;

namespace Asl;

/// <summary>Workflow variable names: at most 80 characters of Unicode identifier (ID_Start, ID_Continue), not <c>states</c>.</summary>
internal static class VariableNames
{
    public const int MaxLength = 80;
    public const string Reserved = "states";

    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var ok = IsIdStart(category) || rune.Value == '_'
                || (!first && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
            if (!ok)
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    private static bool IsIdStart(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
