namespace Workers.Idempotency;

/// <summary>A duplicate arrived while the first invocation with the same key is still running (INPROGRESS and its in-progress expiry not passed). Callers may retry later.</summary>
public sealed class IdempotencyAlreadyInProgressException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyAlreadyInProgressException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyAlreadyInProgressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyAlreadyInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
