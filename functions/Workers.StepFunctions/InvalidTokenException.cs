namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>InvalidToken</c>: the task token is malformed or unknown.</summary>
public sealed class InvalidTokenException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidTokenException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public InvalidTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
