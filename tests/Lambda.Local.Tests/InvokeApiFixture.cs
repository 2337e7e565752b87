namespace Lambda.Local.Tests;

/// <summary>One emulator with its Invoke REST API started, shared by the REST tests, with functions that keep running.</summary>
public sealed class InvokeApiFixture : IAsyncLifetime
{
    internal RecordingLogSink Sink { get; } = new();

    internal LambdaEmulator Emulator { get; private set; } = null!;

    internal HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = Sink });
        Emulator.Register(TestFunction.Define("echo", "echo"));
        Emulator.Register(TestFunction.Define("throw", "throw"));
        Emulator.Register(TestFunction.Define("inspect", "inspect") with { MemorySize = 256 });
        await Emulator.StartAsync();
        Http = new HttpClient { BaseAddress = Emulator.InvokeEndpoint };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
