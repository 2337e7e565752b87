namespace Workers.Domain;

/// <summary>The payment provider declined the charge (declined token, or over the customer's limit). Not retryable.</summary>
public sealed class PaymentDeclinedException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public PaymentDeclinedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
