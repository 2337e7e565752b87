using System.Reflection;
using Lambda.Local;

namespace Local.Tests.Integrations;

/// <summary>
/// The Lambda Runtime API emulator with its Invoke REST API, running the real test function
/// (tests/Lambda.Local.TestFunction) as <c>echo</c>, <c>throw</c> and <c>sleep</c> (1 s timeout).
/// </summary>
public sealed class LambdaFixture : IAsyncLifetime
{
    private static readonly string AssemblyPath = Path.GetFullPath(typeof(LambdaFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TestFunctionAssembly")
        .Value!);

    internal LambdaEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = new DiscardingLogSink() });
        Emulator.Register(Define("echo", "echo", TimeSpan.FromSeconds(30)));
        Emulator.Register(Define("throw", "throw", TimeSpan.FromSeconds(30)));
        Emulator.Register(Define("sleep", "sleep", TimeSpan.FromSeconds(1)));
        await Emulator.StartAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    private static FunctionDefinition Define(string name, string handler, TimeSpan timeout) =>
        FunctionDefinition.ForAssembly(name, AssemblyPath) with
        {
            Environment = new Dictionary<string, string> { ["WORKERS_HANDLER"] = handler, ["POWERTOOLS_TRACE_DISABLED"] = "true" },
            Timeout = timeout,
        };

    private sealed class DiscardingLogSink : IFunctionLogSink
    {
        public void WriteLine(string functionName, string line)
        {
        }
    }
}
