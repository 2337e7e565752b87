using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// One running States block (the machine, a Parallel branch or a Map iteration): its own chain of
/// previousEventId links, its variable scope and its cancellation.
/// </summary>
internal sealed class Frame(Execution run, VariableScope scope, CancellationToken token, long lastEventId)
{
    public Execution Run { get; } = run;

    public VariableScope Scope { get; } = scope;

    public CancellationToken Token { get; } = token;

    /// <summary>The id the next event of this block links to.</summary>
    public long LastEventId { get; set; } = lastEventId;

    public IClock Clock => Run.Engine.Clock;

    /// <summary>Records an event that continues this block's chain.</summary>
    public HistoryEvent Append(HistoryEventType type, HistoryEventDetails? details)
    {
        var recorded = Run.Record(type, LastEventId, details);
        LastEventId = recorded.Id;
        return recorded;
    }

    /// <summary>Records an event linked to the chain without advancing it (AWS's *Succeeded and MapIteration* events).</summary>
    public HistoryEvent AppendDetached(HistoryEventType type, HistoryEventDetails? details) => Run.Record(type, LastEventId, details);

    /// <summary>Runs the block from its StartAt state to an End/Succeed state; errors propagate as exceptions.</summary>
    public async ValueTask<JsonNode?> RunAsync(StatesBlock block, JsonNode? input)
    {
        var state = block.Start;
        while (true)
        {
            Token.ThrowIfCancellationRequested();
            var pending = state.ExecuteAsync(this, input);
            var transition = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
            if (transition.Next is null)
            {
                return transition.Output;
            }

            input = transition.Output;
            state = transition.Next;
        }
    }
}
