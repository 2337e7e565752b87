using System.Text;

namespace Workers.Lambda;

/// <summary>
/// A logger for unit tests, as in Amazon.Lambda.TestUtilities: everything written is appended to
/// <see cref="Buffer"/> (a level-tagged call as the line <c>"&lt;level&gt;: &lt;message&gt;"</c>) and echoed to the console.
/// </summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly Lock _gate = new();

    /// <summary>All text logged so far.</summary>
    public StringBuilder Buffer { get; } = new();

    /// <inheritdoc/>
    public void Log(string message)
    {
        lock (_gate)
        {
            Buffer.Append(message);
        }

        Console.Write(message);
    }

    /// <inheritdoc/>
    public void LogLine(string message)
    {
        lock (_gate)
        {
            Buffer.AppendLine(message);
        }

        Console.WriteLine(message);
    }

    /// <inheritdoc/>
    public void Log(string level, string message) => LogLine($"{level}: {message}");
}
