namespace Asl;

/// <summary>How a Task waits for its service (the resource ARN's suffix).</summary>
public enum TaskPattern
{
    /// <summary>Call and use the response.</summary>
    RequestResponse,

    /// <summary><c>.sync</c>: wait for the job to finish.</summary>
    Sync,

    /// <summary><c>.sync:2</c>: wait for the job, JSON-parsed output.</summary>
    Sync2,

    /// <summary><c>.waitForTaskToken</c>: wait for SendTaskSuccess/SendTaskFailure with the issued token.</summary>
    WaitForTaskToken,
}
