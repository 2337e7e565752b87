using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// In-process task handlers keyed by resource ARN (exact match first, then the longest registered prefix ending
/// in <c>*</c>). A Task whose resource has no handler fails with States.Runtime naming the resource.
/// </summary>
public sealed class TaskHandlerRegistry : ITaskHandler
{
    private readonly ConcurrentDictionary<string, ITaskHandler> _exact = new(StringComparer.Ordinal);
    private volatile KeyValuePair<string, ITaskHandler>[] _prefixes = [];

    /// <summary>Registers a handler for a resource ARN, or for every ARN starting with a prefix given as <c>prefix*</c>.</summary>
    public TaskHandlerRegistry Register(string resourceArn, ITaskHandler handler)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(handler);
        if (resourceArn.EndsWith('*'))
        {
            _prefixes = [.. _prefixes.Append(new(resourceArn[..^1], handler)).OrderByDescending(p => p.Key.Length)];
        }
        else
        {
            _exact[resourceArn] = handler;
        }

        return this;
    }

    /// <summary>Registers a function returning the task's result.</summary>
    public TaskHandlerRegistry Register(string resourceArn, Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> handler) =>
        Register(resourceArn, new FunctionHandler(handler));

    /// <summary>Registers a synchronous function returning the task's result.</summary>
    public TaskHandlerRegistry Register(string resourceArn, Func<TaskInvocation, JsonNode?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Register(resourceArn, new FunctionHandler((invocation, _) => ValueTask.FromResult(handler(invocation))));
    }

    /// <inheritdoc/>
    public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var arn = invocation.Resource.Arn;
        if (_exact.TryGetValue(arn, out var handler))
        {
            return handler.InvokeAsync(invocation, cancellationToken);
        }

        foreach (var (prefix, candidate) in _prefixes)
        {
            if (arn.StartsWith(prefix, StringComparison.Ordinal))
            {
                return candidate.InvokeAsync(invocation, cancellationToken);
            }
        }

        throw new StatesErrorException(
            ErrorNames.Runtime,
            $"No handler for the resource '{arn}' of the state '{invocation.StateName}': register one, or mock the state in a MockConfigFile test case.")
        { IsTerminal = true };
    }

    private sealed class FunctionHandler(Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> function) : ITaskHandler
    {
        public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            var pending = function(invocation, cancellationToken);
            var output = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
            return invocation.Resource.Pattern == TaskPattern.WaitForTaskToken
                ? TaskHandlerResult.Submitted(output)
                : TaskHandlerResult.Completed(output);
        }
    }
}
