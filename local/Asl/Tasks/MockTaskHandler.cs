namespace Asl;

/// <summary>
/// Answers Task states from a <see cref="MockConfiguration"/> for executions started with a test case, and hands
/// every other invocation to <paramref name="fallback"/> (the real integrations). A mocked
/// <c>.waitForTaskToken</c> state's Return/Throw is the callback's outcome; no SendTask* call is needed.
/// </summary>
public sealed class MockTaskHandler(MockConfiguration configuration, ITaskHandler fallback) : ITaskHandler
{
    /// <inheritdoc/>
    public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.TestCase is null
            || !configuration.TryGetResponse(invocation.StateMachineName, invocation.TestCase, invocation.StateName, invocation.InvocationIndex, out var response)
            || response is null)
        {
            return fallback.InvokeAsync(invocation, cancellationToken);
        }

        if (response.IsThrow)
        {
            throw new StatesErrorException(response.ThrowError!, response.ThrowCause);
        }

        return ValueTask.FromResult(TaskHandlerResult.Completed(response.Return?.DeepClone()));
    }
}
