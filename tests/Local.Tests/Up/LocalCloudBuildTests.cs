using System.Diagnostics;
using System.Reflection;

namespace Local.Tests.Up;

public sealed class LocalCloudBuildTests
{
    public static TheoryData<string> LocalCloudAssemblies => new()
    {
        typeof(Asl.AslEngine).Assembly.GetName().Name!,
        typeof(StepFunctions.Local.StepFunctionsApi).Assembly.GetName().Name!,
        typeof(StepFunctions.Integrations.ServiceIntegrations).Assembly.GetName().Name!,
        typeof(Lambda.Local.LambdaEmulator).Assembly.GetName().Name!,
        typeof(StandIns.DynaliteServer).Assembly.GetName().Name!,
    };

    // `dotnet run --project local/Workers.Local` builds Debug; the local cloud must still run optimized JIT code, or
    // under load `up` spends its CPU on the engine and the emulator instead of the functions.
    [Theory]
    [MemberData(nameof(LocalCloudAssemblies))]
    public void LocalCloudAssembly_DebugBuild_IsCompiledOptimized(string assemblyName)
    {
        var debuggable = Assembly.Load(assemblyName).GetCustomAttribute<DebuggableAttribute>();

        Assert.False(debuggable?.IsJITOptimizerDisabled ?? false, $"{assemblyName} is built with optimizations disabled");
    }
}
