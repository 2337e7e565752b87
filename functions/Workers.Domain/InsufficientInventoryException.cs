namespace Workers.Domain;

/// <summary>A line asks for more of a SKU than is in stock, or for a SKU that is not stocked. Not retryable: the saga compensates.</summary>
public sealed class InsufficientInventoryException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public InsufficientInventoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InsufficientInventoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
