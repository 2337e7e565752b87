namespace Workers.StepFunctions;

/// <summary>
/// An error answered by the Step Functions API. Known codes (the <c>__type</c> of the response, after any
/// <c>#</c>) map to sealed leaves named like AWSSDK.StepFunctions' exceptions (<see cref="InvalidTokenException"/>,
/// <see cref="TaskTimedOutException"/>, …); any other code is an <see cref="UnknownStepFunctionsErrorException"/>.
/// </summary>
public abstract class StepFunctionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected StepFunctionsException()
    {
    }

    /// <summary>Creates the exception with the service's message.</summary>
    protected StepFunctionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    protected StepFunctionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The API's error code, e.g. <c>TaskTimedOut</c>.</summary>
    public virtual string ErrorCode => GetType().Name[..^"Exception".Length];

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; init; }
}
