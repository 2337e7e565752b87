namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>TaskTimedOut</c>: the task timed out or was already closed.</summary>
public sealed class TaskTimedOutException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public TaskTimedOutException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public TaskTimedOutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TaskTimedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
