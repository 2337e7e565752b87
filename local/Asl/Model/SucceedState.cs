using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Succeed: ends its block (the execution, a branch or an iteration) with InputPath/OutputPath applied.</summary>
internal sealed class SucceedState(string name, StateDataFlow flow) : StateNode(name, flow)
{
    public override HistoryEventType EnteredType => HistoryEventType.SucceedStateEntered;

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var output = Exit(visit, HistoryEventType.SucceedStateExited, Flow.Complete(visit, input, Flow.SelectInput(visit, input)), instant: true);
        return new ValueTask<StateTransition>(new StateTransition(output, null));
    }
}
