using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Choice: the first rule whose condition holds picks the next state, else Default, else States.NoChoiceMatched.</summary>
internal sealed class ChoiceState(string name, StateDataFlow flow, ChoiceRule[] rules, string? defaultName) : StateNode(name, flow)
{
    public ChoiceRule[] Rules { get; } = rules;

    public string? DefaultName { get; } = defaultName;

    public StateNode? Default { get; set; }

    public override HistoryEventType EnteredType => HistoryEventType.ChoiceStateEntered;

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var effective = Flow.SelectInput(visit, input);
        var next = Default;
        var flow = Flow;
        foreach (var rule in Rules)
        {
            if (rule.Condition.Evaluate(visit, effective))
            {
                next = rule.Next;
                flow = rule.Flow ?? Flow;
                break;
            }
        }

        if (next is null)
        {
            throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{Name}')");
        }

        var output = Exit(visit, HistoryEventType.ChoiceStateExited, flow.Complete(visit, input, effective), instant: true);
        return new ValueTask<StateTransition>(new StateTransition(output, next));
    }
}
