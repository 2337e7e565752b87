using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Builds a value from the state's effective input and the context (with <c>$$.Map.Item</c> for ItemSelector).</summary>
internal abstract class ItemSelector
{
    public abstract JsonNode? Evaluate(in StateVisit visit, JsonNode? input);
}
