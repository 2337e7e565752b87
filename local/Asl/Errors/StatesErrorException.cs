namespace Asl;

/// <summary>
/// A Step Functions error (<c>{"Error","Cause"}</c>) raised by a state or a task handler. Task handlers throw it to
/// fail a task with a named error that Retry and Catch can match.
/// </summary>
public sealed class StatesErrorException : Exception
{
    public StatesErrorException()
        : this(ErrorNames.TaskFailed, string.Empty)
    {
    }

    public StatesErrorException(string message)
        : this(ErrorNames.TaskFailed, message)
    {
    }

    public StatesErrorException(string error, string? cause)
        : base(cause ?? error)
    {
        Error = error;
        Cause = cause;
    }

    /// <summary>The error name, e.g. <c>States.Timeout</c> or a worker's exception class name.</summary>
    public string Error { get; }

    /// <summary>The human-readable cause; null when the error carries none.</summary>
    public string? Cause { get; }

    /// <summary>
    /// True for errors no Retry or Catch may handle (States.Runtime, and States.DataLimitExceeded except for an
    /// oversized task result, which AWS lets States.ALL catch).
    /// </summary>
    public bool IsTerminal { get; init; }

    internal static StatesErrorException Terminal(string error, string cause) => new(error, cause) { IsTerminal = true };
}
