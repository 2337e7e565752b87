using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A JSONata payload (ItemSelector, ItemReader/ResultWriter Arguments, BatchInput) over <c>$states</c>.</summary>
internal sealed class JsonataItemSelector(JsonataTemplate template) : ItemSelector
{
    public override JsonNode? Evaluate(in StateVisit visit, JsonNode? input) => template.Evaluate(visit, new JsonataStates(input));
}
