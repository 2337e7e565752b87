namespace Workers.Idempotency;

/// <summary>The idempotent operation is set up wrongly, e.g. its key type has no JSON type information in the given context.</summary>
public sealed class IdempotencyConfigurationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public IdempotencyConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdempotencyConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdempotencyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
