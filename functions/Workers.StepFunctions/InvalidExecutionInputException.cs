namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>InvalidExecutionInput</c>: the execution input is not valid JSON or is too large.</summary>
public sealed class InvalidExecutionInputException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidExecutionInputException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public InvalidExecutionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidExecutionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
