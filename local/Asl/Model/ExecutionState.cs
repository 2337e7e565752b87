using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Task, Map and Parallel: states that do work and so carry Retry and Catch. Retriers are scanned in order and the
/// first whose ErrorEquals matches decides (when it is exhausted no later retrier is tried); counters live for one
/// visit. Retry always comes before Catch.
/// </summary>
internal abstract class ExecutionState(string name, StateDataFlow flow, Retrier[] retry, Catcher[] catchers) : StateNode(name, flow)
{
    public Retrier[] Retry { get; } = retry;

    public Catcher[] Catch { get; } = catchers;

    protected abstract HistoryEventType ExitedType { get; }

    protected abstract HistoryEventType AbortedType { get; }

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var attempt = AttemptAsync(visit, input);
        return attempt.IsCompletedSuccessfully
            ? new ValueTask<StateTransition>(Exit(visit, attempt.Result, Next))
            : HandleAsync(visit, input, attempt);
    }

    /// <summary>One attempt: data flow in, the work, data flow out. Must capture its failures in the returned task.</summary>
    protected abstract ValueTask<StateOutcome> AttemptAsync(StateVisit visit, JsonNode? rawInput);

    private StateTransition Exit(in StateVisit visit, in StateOutcome outcome, StateNode? next)
    {
        CheckOutputSize(visit, outcome.Output);
        return new StateTransition(Exit(visit, ExitedType, outcome), next);
    }

    private async ValueTask<StateTransition> HandleAsync(StateVisit visit, JsonNode? input, ValueTask<StateOutcome> attempt)
    {
        int[]? attempts = null;
        while (true)
        {
            StatesErrorException failure;
            try
            {
                return Exit(visit, await attempt.ConfigureAwait(false), Next);
            }
            catch (StatesErrorException e) when (!e.IsTerminal)
            {
                failure = e;
            }
            catch (OperationCanceledException) when (visit.Frame.Token.IsCancellationRequested)
            {
                visit.Frame.Append(AbortedType, null);
                throw;
            }

            var retrier = Array.FindIndex(Retry, r => ErrorMatcher.Matches(r.ErrorEquals, failure));
            if (retrier >= 0)
            {
                attempts ??= new int[Retry.Length];
                if (attempts[retrier] < Retry[retrier].MaxAttempts)
                {
                    attempts[retrier]++;
                    var delay = Retry[retrier].Delay(attempts[retrier], visit.Frame.Run.Random);
                    await visit.Frame.Clock.DelayAsync(delay, TimerKind.Retry, visit.Frame.Token).ConfigureAwait(false);
                    visit = visit with { RetryCount = visit.RetryCount + 1 };
                    attempt = AttemptAsync(visit, input);
                    continue;
                }
            }

            foreach (var catcher in Catch)
            {
                if (ErrorMatcher.Matches(catcher.ErrorEquals, failure))
                {
                    var errorOutput = new JsonObject { ["Error"] = failure.Error };
                    if (failure.Cause is not null)
                    {
                        errorOutput["Cause"] = failure.Cause;
                    }

                    return Exit(visit, catcher.Output.Complete(visit, input, errorOutput), catcher.Next);
                }
            }

            throw failure;
        }
    }
}
