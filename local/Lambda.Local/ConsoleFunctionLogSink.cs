namespace Lambda.Local;

/// <summary>Writes function log lines to the console as <c>[FunctionName] line</c>, the way <c>sam local</c> shows them.</summary>
public sealed class ConsoleFunctionLogSink : IFunctionLogSink
{
    /// <summary>The shared instance.</summary>
    public static ConsoleFunctionLogSink Instance { get; } = new();

    /// <inheritdoc />
    public void WriteLine(string functionName, string line) => Console.Out.WriteLine($"[{functionName}] {line}");
}
