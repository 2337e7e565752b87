using System.Text.Json.Nodes;
using Jsonata;

namespace Asl;

/// <summary>A JSONata <c>Assign</c> object: one compiled value per variable, each named <c>…Assign/name</c> in errors.</summary>
internal sealed class JsonataAssign(KeyValuePair<string, JsonataTemplate>[] values)
{
    public static JsonataAssign? Compile(JsonNode? assign, string field) =>
        assign is JsonObject obj
            ? new JsonataAssign([.. obj.Select(p => new KeyValuePair<string, JsonataTemplate>(p.Key, JsonataTemplate.Compile(p.Value, $"{field}/{p.Key}")))])
            : null;

    public Dictionary<string, JsonNode?> Evaluate(in StateVisit visit, JsonataBindings bindings, JsonataOptions options)
    {
        var assigned = new Dictionary<string, JsonNode?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            assigned[name] = value.Evaluate(visit, bindings, options);
        }

        return assigned;
    }
}
