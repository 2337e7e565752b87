namespace StandIns;

/// <summary>
/// A local stand-in could not be installed or started: Node is missing, <c>npm ci</c> failed, or the server did not
/// open its port in time. The message names the command and what it wrote to stderr.
/// </summary>
public sealed class StandInException : Exception
{
    /// <summary>Creates the exception with a message that says what failed and how.</summary>
    public StandInException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public StandInException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public StandInException()
        : base("A local stand-in failed to start.")
    {
    }
}
