namespace Asl;

/// <summary>One waiting <c>.waitForTaskToken</c> task.</summary>
internal sealed class PendingCallback(string token)
{
    public string Token { get; } = token;

    public TaskCompletionSource<CallbackOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallbackState State { get; set; }

    public Action? Heartbeat { get; set; }
}
