namespace Workers.Tests;

/// <summary>The saga worker tests share one dynalite, apart from the idempotency tests' one.</summary>
[CollectionDefinition(Name)]
public sealed class SagaCollection : ICollectionFixture<DynaliteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Saga workers on dynalite";
}
