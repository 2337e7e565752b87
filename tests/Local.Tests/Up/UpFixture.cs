namespace Local.Tests.Up;

/// <summary>One <c>up</c> process shared by the end-to-end tests of <see cref="UpCollection"/>.</summary>
public sealed class UpFixture : IAsyncLifetime
{
    public UpProcess Up { get; private set; } = null!;

    public OrderApi Orders { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Up = await UpProcess.StartAsync();
        Orders = new OrderApi(Up.Api);
    }

    public async Task DisposeAsync() => await Up.DisposeAsync();
}
