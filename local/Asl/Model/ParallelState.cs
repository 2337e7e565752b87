using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Parallel: runs every branch on the effective input; the result is the branch outputs in branch order.</summary>
internal sealed class ParallelState(string name, StateDataFlow flow, Retrier[] retry, Catcher[] catchers, StatesBlock[] branches)
    : ExecutionState(name, flow, retry, catchers)
{
    public override HistoryEventType EnteredType => HistoryEventType.ParallelStateEntered;

    protected override HistoryEventType ExitedType => HistoryEventType.ParallelStateExited;

    protected override HistoryEventType AbortedType => HistoryEventType.ParallelStateAborted;

    protected override async ValueTask<StateOutcome> AttemptAsync(StateVisit visit, JsonNode? rawInput)
    {
        var frame = visit.Frame;
        var parameters = Flow.BuildParameters(visit, Flow.SelectInput(visit, rawInput));
        var started = frame.Append(HistoryEventType.ParallelStateStarted, null).Id;
        var results = new JsonNode?[branches.Length];
        var chain = new ChildChain(frame.LastEventId);
        var group = new ChildGroup(frame.Clock, branches.Length, 0, frame.Token, async (index, token) =>
        {
            var branch = new Frame(frame.Run, new VariableScope(frame.Scope), token, started) { StartsAtParentMoment = true };
            try
            {
                results[index] = await branch.RunAsync(branches[index], parameters).ConfigureAwait(false);
                chain.Finished(branch.LastEventId);
            }
            catch (StatesErrorException)
            {
                chain.Failed(branch.LastEventId);
                throw;
            }
        });
        await chain.JoinAsync(frame, group, HistoryEventType.ParallelStateFailed, HistoryEventType.ParallelStateSucceeded).ConfigureAwait(false);
        return Flow.Complete(visit, rawInput, JsonMaterializer.ToArray(results));
    }
}
