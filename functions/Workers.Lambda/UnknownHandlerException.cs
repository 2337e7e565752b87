namespace Workers.Lambda;

/// <summary>
/// <c>WORKERS_HANDLER</c> is missing or names no registered handler. Reported to <c>/runtime/init/error</c>, after
/// which the process exits non-zero; the message lists the registered handler names.
/// </summary>
public sealed class UnknownHandlerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownHandlerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownHandlerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UnknownHandlerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
