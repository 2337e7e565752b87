namespace Lambda.Local;

/// <summary>How an invocation is run: the values of Lambda's <c>X-Amz-Invocation-Type</c> header.</summary>
public enum InvocationType
{
    /// <summary>Synchronous: the caller waits for the function's response (200).</summary>
    RequestResponse,

    /// <summary>Asynchronous: queued and answered at once with 202 and no payload.</summary>
    Event,

    /// <summary>Only checks that the function can be invoked (204).</summary>
    DryRun,
}
