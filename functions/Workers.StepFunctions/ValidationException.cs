namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>Validation</c>: the request failed the API's input constraints.</summary>
public sealed class ValidationException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public ValidationException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public ValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Step Functions spells this code with its suffix: <c>ValidationException</c>.</summary>
    public override string ErrorCode => nameof(ValidationException);
}
