namespace Workers.StepFunctions;

/// <summary>Step Functions error <c>InvalidArn</c>: the ARN is malformed.</summary>
public sealed class InvalidArnException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidArnException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public InvalidArnException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidArnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
