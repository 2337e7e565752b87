using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Stands in front of the task handler of an engine with a journal or restored executions. A task that re-runs after a restart gets the
/// outcome it had recorded (result, failure, or the submission of a callback task, whose token from before the
/// restart stays valid) without calling the service again; only a call whose outcome was never recorded is made
/// again (at least once, as after a Lambda crash). Every new task token is journaled before the service sees it.
/// </summary>
internal sealed class DurableTaskHandler(AslEngine engine, ITaskHandler inner) : ITaskHandler
{
    public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var execution = engine.FindExecution(invocation.ExecutionArn);
        if (execution is { IsReplaying: true } && execution.PeekReplay() is { Details: RecordedDetails details } next)
        {
            switch (next.Type)
            {
                case HistoryEventType.TaskSucceeded or HistoryEventType.LambdaFunctionSucceeded:
                    return ValueTask.FromResult(TaskHandlerResult.Completed(details.Data("output")));
                case HistoryEventType.TaskFailed or HistoryEventType.LambdaFunctionFailed:
                    throw new StatesErrorException(details.Text("error") ?? string.Empty, details.Text("cause"));
                case HistoryEventType.TaskTimedOut or HistoryEventType.LambdaFunctionTimedOut:
                    throw new StatesErrorException(details.Text("error") ?? ErrorNames.Timeout, details.Text("cause"));
                case HistoryEventType.TaskSubmitted when invocation.TaskToken is { } token:
                    Resubmit(execution, token);
                    return ValueTask.FromResult(TaskHandlerResult.Submitted(details.Data("output")));
                default:
                    break;
            }
        }

        if (execution?.Journal is { } journal && invocation.TaskToken is { } issued)
        {
            journal.TokenIssued(execution, issued);
        }

        return inner.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// The callback task was submitted before the restart: its old token now resolves the new wait, and a callback
    /// that had already been recorded completes it at once.
    /// </summary>
    private void Resubmit(Execution execution, string token)
    {
        if (execution.IssuedTokens.Count > 0)
        {
            engine.Tokens.Alias(execution.IssuedTokens[^1], token);
        }

        if (execution.PeekReplay(1) is { Details: RecordedDetails details } after)
        {
            CallbackOutcome? outcome = after.Type switch
            {
                HistoryEventType.TaskSucceeded => new CallbackOutcome(details.Data("output"), null, null),
                HistoryEventType.TaskFailed => new CallbackOutcome(null, details.Text("error") ?? string.Empty, details.Text("cause")),
                HistoryEventType.TaskTimedOut => new CallbackOutcome(null, details.Text("error") ?? ErrorNames.Timeout, details.Text("cause")),
                _ => null,
            };
            if (outcome is not null)
            {
                engine.Tokens.Resolve(token, outcome);
            }
        }
    }
}
