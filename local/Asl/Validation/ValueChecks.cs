using System.Globalization;
using System.Text.Json;

namespace Asl;

/// <summary>Type and range checks on single values, each reporting AWS's schema message at the value's location.</summary>
internal static class ValueChecks
{
    public static bool String(ValidationSession session, JsonElement value, string location) =>
        Kind(session, value, location, JsonValueKind.String, "STRING");

    public static bool Object(ValidationSession session, JsonElement value, string location) =>
        Kind(session, value, location, JsonValueKind.Object, "OBJECT");

    public static bool Array(ValidationSession session, JsonElement value, string location) =>
        Kind(session, value, location, JsonValueKind.Array, "ARRAY");

    public static bool Boolean(ValidationSession session, JsonElement value, string location)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return true;
        }

        session.Schema(Messages.ExpectedType("BOOLEAN"), location);
        return false;
    }

    /// <summary>A non-empty array; AWS rejects empty Choices, Branches, ErrorEquals, And and Or.</summary>
    public static bool NonEmptyArray(ValidationSession session, JsonElement value, string location)
    {
        if (!Array(session, value, location))
        {
            return false;
        }

        if (value.GetArrayLength() == 0)
        {
            session.Schema(Messages.NonEmptyArray, location);
            return false;
        }

        return true;
    }

    /// <summary>An integer within bounds; in a JSONata state a <c>{% %}</c> string is accepted instead.</summary>
    public static void Integer(ValidationSession session, JsonElement value, string location, QueryLanguage language, long minimum, long maximum)
    {
        if (JsonataExpressions.AcceptsExpression(session, value, location, language))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            session.Schema(Messages.ExpectedType("INTEGER"), location);
            return;
        }

        if (number < minimum)
        {
            session.Schema(Messages.Minimum(minimum.ToString(CultureInfo.InvariantCulture)), location);
        }
        else if (number > maximum)
        {
            session.Schema(Messages.Maximum(maximum.ToString(CultureInfo.InvariantCulture)), location);
        }
    }

    /// <summary>A number within bounds, worded with a decimal point as AWS does for fractional fields (<c>Minimum value is 1.0</c>).</summary>
    public static void Number(ValidationSession session, JsonElement value, string location, QueryLanguage language, double minimum, double maximum)
    {
        if (JsonataExpressions.AcceptsExpression(session, value, location, language))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            session.Schema(Messages.ExpectedType("NUMBER"), location);
            return;
        }

        var number = value.GetDouble();
        if (number < minimum)
        {
            session.Schema(Messages.Minimum(Decimal(minimum)), location);
        }
        else if (number > maximum)
        {
            session.Schema(Messages.Maximum(Decimal(maximum)), location);
        }
    }

    /// <summary>A value from a fixed set, compared exactly.</summary>
    public static void Enum(ValidationSession session, JsonElement value, string location, IReadOnlyList<string> allowed)
    {
        if (String(session, value, location) && !allowed.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            session.Schema(Messages.OneOfValues(allowed), location);
        }
    }

    private static bool Kind(ValidationSession session, JsonElement value, string location, JsonValueKind kind, string name)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        session.Schema(Messages.ExpectedType(name), location);
        return false;
    }

    private static string Decimal(double number) => number.ToString("0.0##############", CultureInfo.InvariantCulture);
}
