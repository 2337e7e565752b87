namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>TaskDoesNotExist</c>: the task or its execution is already closed.</summary>
public sealed class TaskDoesNotExistException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public TaskDoesNotExistException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public TaskDoesNotExistException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TaskDoesNotExistException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
