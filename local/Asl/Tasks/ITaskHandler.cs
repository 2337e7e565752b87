namespace Asl;

/// <summary>
/// The one way the engine runs a Task state's work, whatever the resource: in-process handlers, mocks, and (later)
/// real service integrations. Fail a task by throwing <see cref="StatesErrorException"/>.
/// </summary>
public interface ITaskHandler
{
    /// <summary>
    /// Runs one attempt of a task. For <c>.waitForTaskToken</c> resources return
    /// <see cref="TaskHandlerResult.Submitted"/> to make the engine wait for the token's callback.
    /// </summary>
    ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
