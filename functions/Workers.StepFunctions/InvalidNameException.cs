namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>InvalidName</c>: the execution name is not valid.</summary>
public sealed class InvalidNameException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidNameException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public InvalidNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
