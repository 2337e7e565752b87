namespace Workers.Idempotency;

/// <summary>The idempotency store failed (put, get, update or delete), or a stored response could not be read back.</summary>
public sealed class IdempotencyPersistenceLayerException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyPersistenceLayerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyPersistenceLayerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyPersistenceLayerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
