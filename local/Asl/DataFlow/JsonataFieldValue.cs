using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// A JSONata-mode field that is a literal or a <c>{% %}</c> expression (Seconds, Timestamp, TimeoutSeconds, Items,
/// Error…). Items must be an array and Timestamp an ISO-8601 date-time, both as States.QueryEvaluationError.
/// </summary>
internal sealed class JsonataFieldValue(string fieldName, JsonataTemplate template) : FieldValue
{
    public override string FieldName => fieldName;

    public override bool IsDynamic => template.IsExpression;

    public override string Describe => template.Text;

    public override bool TryEvaluate(in StateVisit visit, JsonNode? input, out JsonNode? value)
    {
        value = template.Evaluate(visit, new JsonataStates(input));
        if (fieldName == "Items" && value is not JsonArray)
        {
            throw JsonataFailure.UnexpectedType(visit, template.Text, template.Field, "array", value);
        }

        if (fieldName == "Timestamp" && !JsonPathConditions.TryParseTimestamp(value, out _))
        {
            throw JsonataFailure.Raise(
                visit,
                $"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {(value is JsonValue v && v.TryGetValue<string>(out var text) ? text : HistoryEventDetails.Encode(value))}");
        }

        return true;
    }
}
