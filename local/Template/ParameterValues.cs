using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Template;

/// <summary>Resolves template Parameters from overrides and defaults, checking them as CloudFormation does.</summary>
internal static class ParameterValues
{
    public static Dictionary<string, JsonNode?> Resolve(MapNode? parameters, IReadOnlyDictionary<string, string> overrides, ErrorList errors)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, declaration) in parameters?.Entries ?? [])
        {
            if (declaration is not MapNode spec)
            {
                errors.Add(declaration, $"parameter '{name}' must be a mapping with a Type");
                continue;
            }

            var type = (spec["Type"] as ScalarNode)?.Value;
            if (type is null)
            {
                errors.Add(spec, $"parameter '{name}' has no Type");
                continue;
            }

            string? text = overrides.TryGetValue(name, out var given) ? given : Scalar(spec["Default"]);
            if (text is null)
            {
                errors.Add(spec, $"parameter '{name}' has no Default and no value was given (--parameter-overrides {name}=...)");
                continue;
            }

            if (Check(name, type, text, spec) is { } problem)
            {
                errors.Add(spec, problem);
                continue;
            }

            values[name] = type is "CommaDelimitedList" or "List<Number>" || type.StartsWith("List<", StringComparison.Ordinal)
                ? new JsonArray([.. text.Split(',').Select(s => (JsonNode?)JsonValue.Create(s.Trim()))])
                : JsonValue.Create(text);
        }

        foreach (var unknown in overrides.Keys.Where(k => !values.ContainsKey(k) && parameters?[k] is null))
        {
            errors.Add(parameters?.Line ?? 1, parameters?.Column ?? 1, $"parameter override '{unknown}' names no parameter of the template");
        }

        return values;
    }

    private static string? Check(string name, string type, string text, MapNode spec)
    {
        var items = type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList"
            ? text.Split(',').Select(s => s.Trim()).ToArray()
            : [text];
        var numeric = type is "Number" or "List<Number>";
        foreach (var item in items)
        {
            if (numeric && !double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"parameter '{name}' must be a number, not '{item}'";
            }

            if (spec["AllowedValues"] is SeqNode allowed && !allowed.Items.OfType<ScalarNode>().Any(a => a.Value == item))
            {
                return $"parameter '{name}' must be one of [{string.Join(", ", allowed.Items.OfType<ScalarNode>().Select(a => a.Value))}], not '{item}'";
            }

            if (Scalar(spec["AllowedPattern"]) is { } pattern && !Regex.IsMatch(item, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                return $"parameter '{name}' must match pattern {pattern}, not '{item}'";
            }

            if (numeric && Below(item, Scalar(spec["MinValue"])))
            {
                return $"parameter '{name}' must be at least {Scalar(spec["MinValue"])}, not '{item}'";
            }

            if (numeric && Below(Scalar(spec["MaxValue"]), item))
            {
                return $"parameter '{name}' must be at most {Scalar(spec["MaxValue"])}, not '{item}'";
            }
        }

        var length = text.Length;
        if ((int.TryParse(Scalar(spec["MinLength"]), CultureInfo.InvariantCulture, out var min) && length < min)
            || (int.TryParse(Scalar(spec["MaxLength"]), CultureInfo.InvariantCulture, out var max) && length > max))
        {
            return $"parameter '{name}' must be between MinLength and MaxLength characters long";
        }

        return null;
    }

    private static bool Below(string? value, string? limit) =>
        value is not null && limit is not null
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
        && double.TryParse(limit, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && v < l;

    private static string? Scalar(Node? node) => node is ScalarNode scalar ? scalar.Value : null;
}
