using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>
/// A JSONPath <c>Assign</c>: a payload template whose <c>$</c> is the state's result (Task, Map, Parallel, Pass),
/// its effective input (Choice, Wait) or, in a catcher, the error output.
/// </summary>
internal sealed class JsonPathAssign(CompiledTemplate template)
{
    public static JsonPathAssign? Compile(JsonNode? assign) =>
        assign is JsonObject ? new JsonPathAssign(JsonPathCompiler.CompileTemplate(assign)) : null;

    public Dictionary<string, JsonNode?> Evaluate(in StateVisit visit, JsonNode? subject)
    {
        JsonNode? built;
        try
        {
            built = template.Template.Evaluate(visit.Paths(subject, template.UsesContext));
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }

        var assigned = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in built as JsonObject ?? [])
        {
            assigned[name] = value?.DeepClone();
        }

        return assigned;
    }
}
