namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>ExecutionAlreadyExists</c>: an execution with the same name already exists (closed, or running with different input).</summary>
public sealed class ExecutionAlreadyExistsException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public ExecutionAlreadyExistsException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public ExecutionAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ExecutionAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
