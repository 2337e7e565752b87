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

    /// <summary>Writes a message at Trace level.</summary>
    void LogTrace(string message) => Log("Trace", message);

    /// <summary>Writes a message at Debug level.</summary>
    void LogDebug(string message) => Log("Debug", message);

    /// <summary>Writes a message at Information level.</summary>
    void LogInformation(string message) => Log("Information", message);

    /// <summary>Writes a message at Warning level.</summary>
    void LogWarning(string message) => Log("Warning", message);

    /// <summary>Writes a message at Error level.</summary>
    void LogError(string message) => Log("Error", message);

    /// <summary>Writes a message at Critical level.</summary>
    void LogCritical(string message) => Log("Critical", message);
}
