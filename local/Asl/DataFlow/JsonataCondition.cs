using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A JSONata Choice rule's <c>Condition</c>: a boolean literal or an expression that must yield a boolean.</summary>
internal sealed class JsonataCondition(JsonataTemplate condition) : ChoiceCondition
{
    public override bool Evaluate(in StateVisit visit, JsonNode? input)
    {
        var value = condition.Evaluate(visit, new JsonataStates(input));
        return value is JsonValue v && v.TryGetValue<bool>(out var holds)
            ? holds
            : throw JsonataFailure.UnexpectedType(visit, condition.Text, condition.Field, "boolean", value);
    }
}
