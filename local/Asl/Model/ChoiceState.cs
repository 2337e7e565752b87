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
        foreach (var rule in Rules)
        {
            if (rule.Condition.Evaluate(visit, effective))
            {
                next = rule.Next;
                break;
            }
        }

        if (next is null)
        {
            throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{Name}')");
        }

        var output = Flow.BuildOutput(visit, input, effective);
        frame.Append(HistoryEventType.ChoiceStateExited, new StateExitedDetails(Name, output));
        return new ValueTask<StateTransition>(new StateTransition(output, next));
    }
}
