namespace Workers.Tests;

/// <summary>The idempotency tests share one dynalite.</summary>
[CollectionDefinition(Name)]
public sealed class IdempotencyCollection : ICollectionFixture<DynaliteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Idempotency on dynalite";
}
