namespace Workers.Lambda;

/// <summary>
/// The event could not be read as the handler's input type, or its result could not be written as JSON.
/// Same name and message shape as Amazon.Lambda.Serialization.SystemTextJson's exception, so Step Functions sees the
/// same <c>errorType</c> (<c>JsonSerializerException</c>) the AWS .NET runtime reports; the JSON error is its cause.
/// </summary>
public sealed class JsonSerializerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonSerializerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JsonSerializerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the JSON error that caused it.</summary>
    public JsonSerializerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
