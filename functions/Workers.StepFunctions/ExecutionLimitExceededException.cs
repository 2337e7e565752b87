namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>ExecutionLimitExceeded</c>: the maximum number of running executions has been reached.</summary>
public sealed class ExecutionLimitExceededException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public ExecutionLimitExceededException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public ExecutionLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ExecutionLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
