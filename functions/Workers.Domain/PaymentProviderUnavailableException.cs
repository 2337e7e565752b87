namespace Workers.Domain;

/// <summary>The payment provider failed transiently; retrying the same charge later may succeed.</summary>
public sealed class PaymentProviderUnavailableException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public PaymentProviderUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PaymentProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
