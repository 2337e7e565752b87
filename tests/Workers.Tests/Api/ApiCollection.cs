namespace Workers.Tests;

/// <summary>The API tests share one dynalite and one local Step Functions server.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "APIs on dynalite and local Step Functions";
}
