using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>A JSONPath payload template evaluated against the effective input and the context.</summary>
internal sealed class JsonPathItemSelector(CompiledTemplate template) : ItemSelector
{
    public override JsonNode? Evaluate(in StateVisit visit, JsonNode? input)
    {
        try
        {
            return template.Template.Evaluate(visit.Paths(input, template.UsesContext || visit.HasMapItem));
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }
    }
}
