namespace Workers.Idempotency;

/// <summary>Internal signal: the conditional put found a live record, or the local cache holds one, for the key.</summary>
internal sealed class IdempotencyItemAlreadyExistsException : Exception
{
    public IdempotencyItemAlreadyExistsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
