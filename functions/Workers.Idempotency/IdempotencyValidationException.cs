namespace Workers.Idempotency;

/// <summary>The payload-validation hash of this event differs from the one stored with the record for the same key.</summary>
public sealed class IdempotencyValidationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
