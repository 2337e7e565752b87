namespace Local.Tests.Up;

/// <summary>One <c>up</c> process shared by the end-to-end tests of a class.</summary>
public sealed class UpFixture : IAsyncLifetime
{
    public UpProcess Up { get; private set; } = null!;

    public async Task InitializeAsync() => Up = await UpProcess.StartAsync();

    public async Task DisposeAsync() => await Up.DisposeAsync();
}
