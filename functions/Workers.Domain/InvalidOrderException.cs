namespace Workers.Domain;

/// <summary>The order is malformed or incomplete; the message names the offending field, e.g. <c>items[1].quantity must be a positive integer</c>. Not retryable.</summary>
public sealed class InvalidOrderException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public InvalidOrderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
