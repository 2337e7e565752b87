using Workers.Domain;

namespace Etl.Workers;

/// <summary>DynamoDB kept returning unprocessed items (throttling); transient, the state machine retries the batch.</summary>
public sealed class LoadIncompleteException : DomainException
{
    /// <summary>Creates the exception with a message saying how many items were left.</summary>
    public LoadIncompleteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LoadIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
