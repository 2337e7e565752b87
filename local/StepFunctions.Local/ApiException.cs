namespace StepFunctions.Local;

/// <summary>
/// An error answered as AWS's JSON 1.0 error document <c>{"__type": Code, "message": Message}</c> with
/// <see cref="StatusCode"/>.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException()
        : this("InternalFailure", "Internal failure")
    {
    }

    public ApiException(string message)
        : this("ValidationException", message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "ValidationException";
    }

    public ApiException(string code, string message, int statusCode = 400)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>AWS's error code, the <c>__type</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status AWS answers this error with.</summary>
    public int StatusCode { get; } = 400;

    internal static ApiException Serialization(string message) => new("SerializationException", message);

    /// <summary>AWS's InvalidArn, e.g. <c>Invalid Arn: 'Invalid ARN prefix: abc'</c>.</summary>
    internal static ApiException InvalidArn(string detail) => new("InvalidArn", $"Invalid Arn: '{detail}'");
}
