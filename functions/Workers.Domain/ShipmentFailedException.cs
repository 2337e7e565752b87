namespace Workers.Domain;

/// <summary>The carrier refused to create the shipment. Not retryable: the saga compensates.</summary>
public sealed class ShipmentFailedException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public ShipmentFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ShipmentFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
