namespace Workers.Domain;

/// <summary>
/// A business outcome a worker reports instead of a result. The leaf's short class name is the Step Functions error
/// name, so the state machine decides per name whether to retry, catch or compensate.
/// </summary>
public abstract class DomainException : Exception
{
    /// <summary>Creates the exception with a message for the error's Cause.</summary>
    protected DomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    protected DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
