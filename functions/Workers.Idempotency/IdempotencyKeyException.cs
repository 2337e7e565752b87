namespace Workers.Idempotency;

/// <summary>No idempotency key could be taken from the event and ThrowOnNoIdempotencyKey is set.</summary>
public sealed class IdempotencyKeyException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyKeyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
