namespace Lambda.Local;

/// <summary>
/// The answer to an Invoke call, as Lambda's Invoke API shapes it: the status code (200, 202 or 204), the function's
/// response, or its error document with <see cref="FunctionError"/> set to <c>Unhandled</c>.
/// </summary>
public sealed record InvocationResult
{
    /// <summary>The Invoke API's status code: 200 (RequestResponse), 202 (Event) or 204 (DryRun).</summary>
    public required int StatusCode { get; init; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>, also the function's <c>AwsRequestId</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>The function's response, or its error document when <see cref="FunctionError"/> is set; empty for 202/204.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary><c>X-Amz-Function-Error</c>: <c>Unhandled</c> when the function failed, else null.</summary>
    public string? FunctionError { get; init; }

    /// <summary>
    /// The error document's <c>errorType</c> when <see cref="FunctionError"/> is set: the function's exception name,
    /// or Lambda's own (<c>Sandbox.Timedout</c>, <c>Runtime.ExitError</c>, <c>Function.ResponseSizeTooLarge</c>, ...).
    /// </summary>
    public string? ErrorType { get; init; }

    /// <summary><c>X-Amz-Executed-Version</c>.</summary>
    public string ExecutedVersion { get; init; } = "$LATEST";

    /// <summary><c>X-Amz-Log-Result</c>: the base64 last 4 KB of the log when a tail was asked for, else null.</summary>
    public string? LogResult { get; init; }

    /// <summary>Timings and the process, for a synchronous invocation that reached a process; else null.</summary>
    public InvocationMetrics? Metrics { get; init; }
}
