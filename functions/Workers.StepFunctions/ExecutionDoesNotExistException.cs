namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>ExecutionDoesNotExist</c>: the execution does not exist.</summary>
public sealed class ExecutionDoesNotExistException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public ExecutionDoesNotExistException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public ExecutionDoesNotExistException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ExecutionDoesNotExistException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
