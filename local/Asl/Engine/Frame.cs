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

    public IClock Clock => Run.ResumeClock ?? Run.Engine.Clock;

    /// <summary>
    /// Set on a block whose first event comes straight after the event that started it (MapIterationStarted,
    /// ParallelStateStarted): that first event shares the start's clock reading.
    /// </summary>
    public bool StartsAtParentMoment { get; set; }

    /// <summary>Records an event that continues this block's chain.</summary>
    public HistoryEvent Append(HistoryEventType type, HistoryEventDetails? details, bool sameMoment = false)
    {
        var recorded = AppendDetached(type, details, sameMoment);
        LastEventId = recorded.Id;
        return recorded;
    }

    /// <summary>
    /// Records an event linked to the chain without advancing it (AWS's *Succeeded and MapIteration* events); while a
    /// resumed state replays, hands back the event it had already recorded instead. <paramref name="sameMoment"/>: see
    /// <see cref="Execution.Record"/>.
    /// </summary>
    public HistoryEvent AppendDetached(HistoryEventType type, HistoryEventDetails? details, bool sameMoment = false)
    {
        if (StartsAtParentMoment)
        {
            StartsAtParentMoment = false;
            sameMoment = true;
        }

        return Run.IsReplaying && Run.TryReplay(type, out var replayed) ? replayed : Run.Record(type, LastEventId, details, sameMoment);
    }

    /// <summary>Runs the block from its StartAt state to an End/Succeed state; errors propagate as exceptions.</summary>
    public ValueTask<JsonNode?> RunAsync(StatesBlock block, JsonNode? input) => RunFromAsync(block.Start, input);

    /// <summary>
    /// Re-runs the state a restart or redrive interrupted (handing back the events it had recorded, if the execution
    /// replays them), then carries on as <see cref="RunAsync"/> would.
    /// </summary>
    public async ValueTask<JsonNode?> ResumeAsync(StateNode state, JsonNode? input)
    {
        StateTransition transition;
        try
        {
            transition = await state.ExecuteAsync(this, input).ConfigureAwait(false);
        }
        finally
        {
            Run.EndReplay();
        }

        return transition.Next is null ? transition.Output : await RunFromAsync(transition.Next, transition.Output).ConfigureAwait(false);
    }

    private async ValueTask<JsonNode?> RunFromAsync(StateNode state, JsonNode? input)
    {
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
