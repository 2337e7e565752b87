namespace Workers.Lambda;

/// <summary><c>context.Logger</c> during an invocation: every call becomes one structured JSON line.</summary>
internal sealed class InvocationLogger(JsonLogWriter writer, LogScope scope) : ILambdaLogger
{
    public void Log(string message) => writer.Write(LogLevels.Information, message, scope);

    public void LogLine(string message) => writer.Write(LogLevels.Information, message, scope);

    public void Log(string level, string message) => writer.Write(level, message, scope);
}
