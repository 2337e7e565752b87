namespace Workers.Lambda;

/// <summary>Writes to the function's log stream; the same shape as Amazon.Lambda.Core's ILambdaLogger.</summary>
public interface ILambdaLogger
{
    /// <summary>Writes a message as is.</summary>
    void Log(string message);

    /// <summary>Writes a message followed by a new line.</summary>
    void LogLine(string message);

    /// <summary>Writes a message at a level (Trace, Debug, Information, Warning, Error, Critical).</summary>
    void Log(string level, string message);
}
