using System.Text.Json.Nodes;

namespace Asl;

/// <summary>One Choice rule's test (JSONPath: a Boolean/data-test tree; JSONata: a Condition).</summary>
internal abstract class ChoiceCondition
{
    public abstract bool Evaluate(in StateVisit visit, JsonNode? input);
}
