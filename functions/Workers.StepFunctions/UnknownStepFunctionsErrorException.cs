namespace Workers.StepFunctions;

/// <summary>
/// A Step Functions error without a dedicated class (throttling, access denied, a 5xx, a body that is not an AWS
/// error document); <see cref="ErrorCode"/> carries the code as answered.
/// </summary>
public sealed class UnknownStepFunctionsErrorException : StepFunctionsException
{
    /// <summary>Creates the exception.</summary>
    public UnknownStepFunctionsErrorException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    public UnknownStepFunctionsErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UnknownStepFunctionsErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The code as answered (the <c>__type</c> after any <c>#</c>), or <c>Unknown</c> when there was none.</summary>
    public string Code { get; init; } = "Unknown";

    /// <inheritdoc/>
    public override string ErrorCode => Code;
}
