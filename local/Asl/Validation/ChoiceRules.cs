using System.Collections.Frozen;
using System.Text.Json;

namespace Asl;

/// <summary>
/// Checks Choice rules. A JSONPath rule is a Boolean (And, Or, Not) or a data test (Variable plus exactly one comparison);
/// a JSONata rule is a Condition. Only top-level rules carry Next, Assign and Output.
/// </summary>
internal static class ChoiceRules
{
    private const string MissingComparison = "This rule should have exactly one comparison operator";

    private static readonly string[] Booleans = ["And", "Or", "Not"];

    private static readonly FrozenDictionary<string, Operand> Comparisons = BuildComparisons();

    private enum Operand
    {
        String,
        Number,
        Boolean,
        Timestamp,
        Path,
        Test,
    }

    public static void Check(ValidationSession session, JsonElement rule, string location, QueryLanguage language, List<Transition> transitions)
    {
        if (language == QueryLanguage.Jsonata)
        {
            CheckJsonata(session, rule, location, transitions);
        }
        else
        {
            CheckJsonPath(session, rule, location, topLevel: true, transitions);
        }
    }

    private static void CheckJsonata(ValidationSession session, JsonElement rule, string location, List<Transition> transitions)
    {
        if (!ValueChecks.Object(session, rule, location))
        {
            return;
        }

        var missing = new List<string>(2);
        if (!rule.TryGetProperty("Condition", out _))
        {
            missing.Add("Condition");
        }

        if (!rule.TryGetProperty("Next", out _))
        {
            missing.Add("Next");
        }

        if (missing.Count > 0)
        {
            session.Schema(Messages.Required(missing), location);
        }

        foreach (var property in rule.EnumerateObject())
        {
            var at = $"{location}/{property.Name}";
            switch (property.Name)
            {
                case "Condition":
                    if (!JsonataExpressions.AcceptsExpression(session, property.Value, at, QueryLanguage.Jsonata))
                    {
                        ValueChecks.Boolean(session, property.Value, at);
                    }

                    break;
                case "Next":
                    Transition.Collect(session, property.Value, at, transitions);
                    break;
                case "Output":
                    JsonataExpressions.CheckPayload(session, property.Value, at);
                    break;
                case "Assign":
                    AssignChecks.Check(session, property.Value, at, QueryLanguage.Jsonata);
                    break;
                case "Comment":
                    ValueChecks.String(session, property.Value, at);
                    break;
                default:
                    var jsonPathField = property.Name == "Variable" || Booleans.Contains(property.Name) || Comparisons.ContainsKey(property.Name);
                    session.Schema(
                        jsonPathField ? Messages.WrongQueryLanguage(QueryLanguage.Jsonata, property.Name) : Messages.NotSupported(property.Name),
                        jsonPathField ? at : location);
                    break;
            }
        }
    }

    private static void CheckJsonPath(ValidationSession session, JsonElement rule, string location, bool topLevel, List<Transition> transitions)
    {
        if (!ValueChecks.Object(session, rule, location))
        {
            return;
        }

        CheckShape(session, rule, location, topLevel);
        foreach (var property in rule.EnumerateObject())
        {
            var at = $"{location}/{property.Name}";
            switch (property.Name)
            {
                case "Variable":
                    CheckOperand(session, property.Value, at, Operand.Path);
                    break;
                case "And" or "Or":
                    if (ValueChecks.NonEmptyArray(session, property.Value, at))
                    {
                        var index = 0;
                        foreach (var inner in property.Value.EnumerateArray())
                        {
                            CheckJsonPath(session, inner, $"{at}[{index++}]", topLevel: false, transitions);
                        }
                    }

                    break;
                case "Not":
                    CheckJsonPath(session, property.Value, at, topLevel: false, transitions);
                    break;
                case "Next" when topLevel:
                    Transition.Collect(session, property.Value, at, transitions);
                    break;
                case "Assign" when topLevel:
                    AssignChecks.Check(session, property.Value, at, QueryLanguage.JsonPath);
                    break;
                case "Comment":
                    ValueChecks.String(session, property.Value, at);
                    break;
                case "Condition" or "Output" when topLevel:
                    session.Schema(Messages.WrongQueryLanguage(QueryLanguage.JsonPath, property.Name), location);
                    break;
                default:
                    if (Comparisons.TryGetValue(property.Name, out var operand))
                    {
                        CheckOperand(session, property.Value, at, operand);
                    }
                    else
                    {
                        session.Schema(Messages.NotSupported(property.Name), location);
                    }

                    break;
            }
        }
    }

    private static void CheckShape(ValidationSession session, JsonElement rule, string location, bool topLevel)
    {
        var operators = new List<string>(2);
        var hasVariable = false;
        var hasNext = false;
        foreach (var property in rule.EnumerateObject())
        {
            if (Comparisons.ContainsKey(property.Name) || Booleans.Contains(property.Name))
            {
                operators.Add(property.Name);
            }

            hasVariable |= property.Name == "Variable";
            hasNext |= property.Name == "Next";
        }

        if (topLevel && !hasNext)
        {
            session.Schema(Messages.Required(["Next"]), location);
        }

        if (operators.Count > 1)
        {
            session.Schema(Messages.OnlyOneOf(operators), location);
            return;
        }

        if (operators.Count == 0)
        {
            session.Schema(hasVariable ? MissingComparison : Messages.ExactlyOneOf([.. Booleans, "Variable"]), location);
            return;
        }

        var isBoolean = Booleans.Contains(operators[0]);
        if (isBoolean && hasVariable)
        {
            session.Schema(Messages.NotSupported("Variable"), location);
        }
        else if (!isBoolean && !hasVariable)
        {
            session.Schema(Messages.Required(["Variable"]), location);
        }
    }

    private static void CheckOperand(ValidationSession session, JsonElement value, string location, Operand operand)
    {
        switch (operand)
        {
            case Operand.String:
                ValueChecks.String(session, value, location);
                break;
            case Operand.Number:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    session.Schema(Messages.ExpectedType("NUMBER"), location);
                }

                break;
            case Operand.Boolean or Operand.Test:
                ValueChecks.Boolean(session, value, location);
                break;
            case Operand.Timestamp:
                if (ValueChecks.String(session, value, location) && !Timestamps.IsValid(value.GetString()!))
                {
                    session.Schema(Messages.NotATimestamp, location);
                }

                break;
            default:
                if (ValueChecks.String(session, value, location) && !PathSyntax.IsReferencePath(value.GetString()!))
                {
                    session.Schema(Messages.NotAReferencePath, location);
                }

                break;
        }
    }

    private static FrozenDictionary<string, Operand> BuildComparisons()
    {
        var comparisons = new Dictionary<string, Operand>(StringComparer.Ordinal)
        {
            ["StringMatches"] = Operand.String,
            ["IsNull"] = Operand.Test,
            ["IsPresent"] = Operand.Test,
            ["IsNumeric"] = Operand.Test,
            ["IsString"] = Operand.Test,
            ["IsBoolean"] = Operand.Test,
            ["IsTimestamp"] = Operand.Test,
            ["BooleanEquals"] = Operand.Boolean,
            ["BooleanEqualsPath"] = Operand.Path,
        };
        foreach (var (family, operand) in new[] { ("String", Operand.String), ("Numeric", Operand.Number), ("Timestamp", Operand.Timestamp) })
        {
            foreach (var relation in new[] { "Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals" })
            {
                comparisons[family + relation] = operand;
                comparisons[family + relation + "Path"] = Operand.Path;
            }
        }

        return comparisons.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
