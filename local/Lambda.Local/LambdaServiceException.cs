namespace Lambda.Local;

/// <summary>
/// An Invoke call the Lambda service itself refused (the function never ran), named as AWS names it:
/// <see cref="ErrorCode"/> is the <c>x-amzn-ErrorType</c> of the REST API and, prefixed with <c>Lambda.</c>, the
/// error a Step Functions <c>lambda:invoke</c> task raises.
/// </summary>
public sealed class LambdaServiceException : Exception
{
    /// <summary>Creates the error; use the AWS error code names (<c>ResourceNotFoundException</c>, ...).</summary>
    public LambdaServiceException(string errorCode, int statusCode, string message, string? reason = null)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The AWS error code, for example <c>ResourceNotFoundException</c> or <c>TooManyRequestsException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status the Invoke API answers with.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Reason</c> field of a throttling error, else null.</summary>
    public string? Reason { get; }

    internal static LambdaServiceException FunctionNotFound(string arn) =>
        new("ResourceNotFoundException", 404, $"Function not found: {arn}");

    internal static LambdaServiceException RequestTooLarge(int limit) =>
        new("RequestTooLargeException", 413, $"Request must be smaller than {limit} bytes for the InvokeFunction operation");

    internal static LambdaServiceException InvalidRequestContent(string message) =>
        new("InvalidRequestContentException", 400, message);

    internal static LambdaServiceException InvalidParameterValue(string message) =>
        new("InvalidParameterValueException", 400, message);

    internal static LambdaServiceException Validation(string message) => new("ValidationException", 400, message);

    internal static LambdaServiceException Throttled() =>
        new("TooManyRequestsException", 429, "Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded");

    internal static LambdaServiceException ShuttingDown() =>
        new("ServiceException", 500, "The local Lambda emulator is shutting down.");
}
