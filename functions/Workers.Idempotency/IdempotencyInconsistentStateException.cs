namespace Workers.Idempotency;

/// <summary>The stored record contradicts itself (expired, timed out in progress, or deleted between the put and the get); it escapes only after three attempts.</summary>
public sealed class IdempotencyInconsistentStateException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyInconsistentStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyInconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyInconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
