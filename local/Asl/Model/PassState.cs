using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Pass: the result is <c>Result</c> when given, else the effective input (after Parameters).</summary>
internal sealed class PassState(string name, StateDataFlow flow, JsonNode? result, bool hasResult) : StateNode(name, flow)
{
    public override HistoryEventType EnteredType => HistoryEventType.PassStateEntered;

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var produced = hasResult ? result : Flow.BuildParameters(visit, Flow.SelectInput(visit, input));
        var outcome = Flow.Complete(visit, input, produced);
        CheckOutputSize(visit, outcome.Output);
        var output = Exit(visit, HistoryEventType.PassStateExited, outcome, instant: true);
        return new ValueTask<StateTransition>(new StateTransition(output, Next));
    }
}
