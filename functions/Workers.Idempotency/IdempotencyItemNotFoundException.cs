namespace Workers.Idempotency;

/// <summary>Internal signal: the consistent read found no record for the key (it was deleted after the put failed).</summary>
internal sealed class IdempotencyItemNotFoundException : Exception
{
    public IdempotencyItemNotFoundException(string key)
        : base($"Item with idempotency key {key} not found")
    {
    }
}
