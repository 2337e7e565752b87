using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Fail: records FailStateEntered and fails its block with Error/Cause (literal, path or intrinsic).</summary>
internal sealed class FailState(string name, StateDataFlow flow, FieldValue? error, FieldValue? cause) : StateNode(name, flow)
{
    public override HistoryEventType EnteredType => HistoryEventType.FailStateEntered;

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var errorText = Read(visit, error, input);
        var causeText = Read(visit, cause, input);
        throw new StatesErrorException(errorText ?? string.Empty, causeText);
    }

    private static string? Read(in StateVisit visit, FieldValue? field, JsonNode? input)
    {
        if (field is null)
        {
            return null;
        }

        if (!field.TryEvaluate(visit, input, out var value))
        {
            throw visit.RuntimeFailure(
                $"The JSONPath '{field.Describe}' specified for the field '{field.FieldName}' could not be found in the input '{HistoryEventDetails.Encode(input)}'");
        }

        return value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString();
    }
}
