using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Asl.JsonPath;

namespace Asl;

/// <summary>
/// JSONPath Choice rules: And/Or/Not and data tests (<c>Variable</c> + one comparison operator). Mismatched types
/// compare false; a missing Variable is false for the Is* tests and States.Runtime for comparisons.
/// </summary>
internal static partial class JsonPathConditions
{
    private static readonly HashSet<string> RuleMetaFields = new(StringComparer.Ordinal) { "Variable", "Next", "Comment", "Assign", "Output" };

    public static ChoiceCondition Compile(JsonObject rule)
    {
        if (rule["And"] is JsonArray all)
        {
            return new Combined([.. all.Select(r => Compile((JsonObject)r!))], true);
        }

        if (rule["Or"] is JsonArray any)
        {
            return new Combined([.. any.Select(r => Compile((JsonObject)r!))], false);
        }

        if (rule["Not"] is JsonObject negated)
        {
            return new Negated(Compile(negated));
        }

        var variable = new CompiledPath(JsonPathExpression.Parse(rule["Variable"]!.GetValue<string>()));
        var (name, operand) = rule.First(p => !RuleMetaFields.Contains(p.Key));
        var usesPath = name.EndsWith("Path", StringComparison.Ordinal) && name != "IsPresent";
        var op = Enum.Parse<Operator>(usesPath ? name[..^4] : name);
        return new Comparison(
            variable,
            op,
            usesPath ? null : operand?.DeepClone(),
            usesPath ? new CompiledPath(JsonPathExpression.Parse(operand!.GetValue<string>())) : null,
            op == Operator.StringMatches ? StringPattern.Compile(operand!.GetValue<string>()) : null);
    }

    /// <summary>Parses an RFC 3339 timestamp (upper-case T, Z or offset), as AWS requires.</summary>
    public static bool TryParseTimestamp(JsonNode? value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var text = v.GetValue<string>();
        var match = TimestampPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["main"].Value
            + (fraction.Length > 0 ? "." + fraction[..Math.Min(fraction.Length, 7)] : string.Empty)
            + (match.Groups["zone"].Value == "Z" ? "+00:00" : match.Groups["zone"].Value);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp);
    }

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.(?<fraction>\d+))?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    private enum Operator
    {
        StringEquals,
        StringLessThan,
        StringGreaterThan,
        StringLessThanEquals,
        StringGreaterThanEquals,
        StringMatches,
        NumericEquals,
        NumericLessThan,
        NumericGreaterThan,
        NumericLessThanEquals,
        NumericGreaterThanEquals,
        BooleanEquals,
        TimestampEquals,
        TimestampLessThan,
        TimestampGreaterThan,
        TimestampLessThanEquals,
        TimestampGreaterThanEquals,
        IsNull,
        IsPresent,
        IsNumeric,
        IsString,
        IsBoolean,
        IsTimestamp,
    }

    private sealed class Combined(ChoiceCondition[] parts, bool all) : ChoiceCondition
    {
        public override bool Evaluate(in StateVisit visit, JsonNode? input)
        {
            foreach (var part in parts)
            {
                if (part.Evaluate(visit, input) != all)
                {
                    return !all;
                }
            }

            return all;
        }
    }

    private sealed class Negated(ChoiceCondition inner) : ChoiceCondition
    {
        public override bool Evaluate(in StateVisit visit, JsonNode? input) => !inner.Evaluate(visit, input);
    }

    private sealed class Comparison(CompiledPath variable, Operator op, JsonNode? literal, CompiledPath? operandPath, StringPattern? pattern) : ChoiceCondition
    {
        // A literal operand is read once: a numeric one would otherwise be parsed from the definition text on every visit.
        private readonly double? _literalNumber = AsNumber(literal);

        public override bool Evaluate(in StateVisit visit, JsonNode? input)
        {
            bool found;
            JsonNode? value;
            try
            {
                found = variable.Path.TryEvaluate(visit.Paths(input, variable.UsesContext), out value);
            }
            catch (JsonPathException e)
            {
                throw visit.Failure(e);
            }

            if (op >= Operator.IsNull)
            {
                return found ? TypeTest(value) : op == Operator.IsPresent && !literal!.GetValue<bool>();
            }

            if (!found)
            {
                throw visit.RuntimeFailure($"Invalid path '{variable.Path.Text}': The choice state's condition path references an undefined value.");
            }

            var operand = literal;
            if (operandPath is not null)
            {
                try
                {
                    if (!operandPath.Path.TryEvaluate(visit.Paths(input, operandPath.UsesContext), out operand))
                    {
                        throw visit.RuntimeFailure($"Invalid path '{operandPath.Path.Text}': The choice state's condition path references an undefined value.");
                    }
                }
                catch (JsonPathException e)
                {
                    throw visit.Failure(e);
                }
            }

            return op switch
            {
                Operator.StringMatches => AsString(value) is { } text && pattern!.Matches(text, visit),
                <= Operator.StringGreaterThanEquals => AsString(value) is { } left && AsString(operand) is { } right
                    && Compare(string.CompareOrdinal(left, right), op - Operator.StringEquals),
                <= Operator.NumericGreaterThanEquals => AsNumber(value) is { } a && (operandPath is null ? _literalNumber : AsNumber(operand)) is { } b
                    && Compare(a.CompareTo(b), op - Operator.NumericEquals),
                Operator.BooleanEquals => AsBoolean(value) is { } x && AsBoolean(operand) is { } y && x == y,
                _ => JsonPathConditions.TryParseTimestamp(value, out var t1) && JsonPathConditions.TryParseTimestamp(operand, out var t2)
                    && Compare(t1.CompareTo(t2), op - Operator.TimestampEquals),
            };
        }

        private static bool Compare(int order, int relation) => relation switch
        {
            0 => order == 0,
            1 => order < 0,
            2 => order > 0,
            3 => order <= 0,
            _ => order >= 0,
        };

        private bool TypeTest(JsonNode? value)
        {
            var actual = op switch
            {
                Operator.IsNull => value is null,
                Operator.IsPresent => true,
                Operator.IsNumeric => AsNumber(value) is not null,
                Operator.IsString => AsString(value) is not null,
                Operator.IsBoolean => AsBoolean(value) is not null,
                _ => JsonPathConditions.TryParseTimestamp(value, out _),
            };
            return actual == literal!.GetValue<bool>();
        }

        private static string? AsString(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

        private static double? AsNumber(JsonNode? node) => JsonNumbers.TryGetDouble(node, out var number) ? number : null;

        private static bool? AsBoolean(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
    }

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
    private sealed class StringPattern
    {
        private readonly string[] _pieces;
        private readonly bool _dangling;

        private StringPattern(string[] pieces, bool dangling)
        {
            _pieces = pieces;
            _dangling = dangling;
        }

        public static StringPattern Compile(string text)
        {
            var pieces = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\')
                {
                    if (i + 1 >= text.Length)
                    {
                        return new StringPattern([], true);
                    }

                    current.Append(text[++i]);
                }
                else if (c == '*')
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            pieces.Add(current.ToString());
            return new StringPattern([.. pieces], false);
        }

        public bool Matches(string text, in StateVisit visit)
        {
            if (_dangling)
            {
                throw visit.RuntimeFailure("The StringMatches pattern ends with an escape character '\\'.");
            }

            if (_pieces.Length == 1)
            {
                return string.Equals(text, _pieces[0], StringComparison.Ordinal);
            }

            var first = _pieces[0];
            var last = _pieces[^1];
            if (text.Length < first.Length + last.Length
                || !text.StartsWith(first, StringComparison.Ordinal)
                || !text.EndsWith(last, StringComparison.Ordinal))
            {
                return false;
            }

            var position = first.Length;
            var end = text.Length - last.Length;
            for (var i = 1; i < _pieces.Length - 1; i++)
            {
                var found = text.IndexOf(_pieces[i], position, end - position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + _pieces[i].Length;
            }

            return true;
        }
    }
}
