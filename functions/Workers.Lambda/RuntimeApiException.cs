namespace Workers.Lambda;

/// <summary>
/// The Runtime API answered in a way the runtime cannot continue from (a 5xx, an unexpected status, or a
/// <c>/next</c> without a request id); the process then exits, as the Runtime API asks.
/// </summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
