namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>StateMachineDoesNotExist</c>: the state machine does not exist.</summary>
public sealed class StateMachineDoesNotExistException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public StateMachineDoesNotExistException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public StateMachineDoesNotExistException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StateMachineDoesNotExistException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
