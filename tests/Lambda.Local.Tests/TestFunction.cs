using System.Reflection;

namespace Lambda.Local.Tests;

/// <summary>Definitions of the test function executable (tests/Lambda.Local.TestFunction), one per handler.</summary>
internal static class TestFunction
{
    public static string AssemblyPath { get; } = Path.GetFullPath(typeof(TestFunction).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TestFunctionAssembly")
        .Value!);

    /// <summary>Function <paramref name="name"/> running handler <paramref name="handler"/>, X-Ray export off.</summary>
    public static FunctionDefinition Define(string name, string handler) =>
        FunctionDefinition.ForAssembly(name, AssemblyPath) with
        {
            Environment = new Dictionary<string, string>
            {
                ["WORKERS_HANDLER"] = handler,
                ["POWERTOOLS_TRACE_DISABLED"] = "true",
                ["TEMPLATE_VARIABLE"] = "from-template",
            },
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>False once the process is gone or a zombie (dead, waiting to be reaped by whoever adopted it).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
