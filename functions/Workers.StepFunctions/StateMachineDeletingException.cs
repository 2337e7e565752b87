namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>StateMachineDeleting</c>: the state machine is being deleted.</summary>
public sealed class StateMachineDeletingException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public StateMachineDeletingException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public StateMachineDeletingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StateMachineDeletingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
