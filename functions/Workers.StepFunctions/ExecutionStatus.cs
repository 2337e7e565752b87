namespace Workers.StepFunctions;

/// <summary>The values of <see cref="DescribeExecutionResponse.Status"/>.</summary>
public static class ExecutionStatus
{
    /// <summary>Still running.</summary>
    public const string Running = "RUNNING";

    /// <summary>Ended with output.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>Ended with an error and cause.</summary>
    public const string Failed = "FAILED";

    /// <summary>Ran past its TimeoutSeconds.</summary>
    public const string TimedOut = "TIMED_OUT";

    /// <summary>Stopped by StopExecution.</summary>
    public const string Aborted = "ABORTED";

    /// <summary>A redrive was requested and has not started yet.</summary>
    public const string PendingRedrive = "PENDING_REDRIVE";
}
