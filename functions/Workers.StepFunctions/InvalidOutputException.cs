namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>InvalidOutput</c>: the task output is not valid JSON.</summary>
public sealed class InvalidOutputException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidOutputException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public InvalidOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
