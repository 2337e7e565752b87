namespace Asl;

/// <summary>
/// An API-level error with AWS's error code (the JSON 1.0 <c>__type</c>) and message, e.g. <c>InvalidToken</c>,
/// <c>TaskDoesNotExist</c>, <c>TaskTimedOut</c>, <c>InvalidExecutionInput</c>, <c>ExecutionDoesNotExist</c>.
/// </summary>
public sealed class AslApiException : Exception
{
    public AslApiException()
        : this("InternalError", string.Empty)
    {
    }

    public AslApiException(string message)
        : this("InternalError", message)
    {
    }

    public AslApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalError";
    }

    public AslApiException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>AWS's error code.</summary>
    public string Code { get; }
}
