namespace Asl;

/// <summary>One waiting <c>.waitForTaskToken</c> task.</summary>
internal sealed class PendingCallback(string token, Execution? owner = null)
{
    public string Token { get; } = token;

    /// <summary>
    /// The execution waiting; once it has ended (stopped, timed out) its token is dead at once, even before the task
    /// itself has unwound and closed the callback.
    /// </summary>
    public Execution? Owner { get; } = owner;

    public TaskCompletionSource<CallbackOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallbackState State { get; set; }

    public Action? Heartbeat { get; set; }
}
