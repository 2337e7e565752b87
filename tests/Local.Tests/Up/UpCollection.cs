namespace Local.Tests.Up;

/// <summary>The test classes that share one <c>up</c>: they run one after another, so every order is final before the next test starts.</summary>
[CollectionDefinition(Name)]
public sealed class UpCollection : ICollectionFixture<UpFixture>
{
    public const string Name = "up";
}
