using System.Text.Json;

namespace Asl;

/// <summary>Finds the <c>{% %}</c> expressions of a JSONata state and checks each one.</summary>
internal static class JsonataExpressions
{
    /// <summary>True for a whole-string JSONata expression, the only form AWS evaluates.</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>In a JSONata state, takes a <c>{% %}</c> string in place of a literal (a number, a timestamp) and checks it.</summary>
    public static bool AcceptsExpression(ValidationSession session, JsonElement value, string location, QueryLanguage language)
    {
        if (language != QueryLanguage.Jsonata || value.ValueKind != JsonValueKind.String || !IsExpression(value.GetString()!))
        {
            return false;
        }

        Check(session, value.GetString()!, location);
        return true;
    }

    /// <summary>Checks every expression in a JSONata payload (Arguments, Output, Assign values…), at any depth.</summary>
    public static void CheckPayload(ValidationSession session, JsonElement value, string location)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when IsExpression(value.GetString()!):
                Check(session, value.GetString()!, location);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    CheckPayload(session, property.Value, $"{location}/{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckPayload(session, item, $"{location}[{index++}]");
                }

                break;
        }
    }

    /// <summary>
    /// Checks one expression. Parsing and the top-level reference rule (UNSUPPORTED_JSONATA_EXPRESSION) need the
    /// JSONata compiler's syntax tree; local/Jsonata does not expose a parser yet, so an expression is accepted as
    /// long as its <c>{% %}</c> delimiters enclose something.
    /// </summary>
    public static void Check(ValidationSession session, string expression, string location)
    {
        if (expression.AsSpan(2, expression.Length - 4).IsWhiteSpace())
        {
            session.Report(DiagnosticCode.InvalidJsonataExpression, "Empty expression", location);
        }
    }
}
