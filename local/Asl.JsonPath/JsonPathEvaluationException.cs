namespace Asl.JsonPath;

/// <summary>
/// A run-time failure: <see cref="Error"/> is the Step Functions error name (States.Runtime,
/// States.IntrinsicFailure, ...) and the message is AWS's cause text after the engine's state prefix.
/// </summary>
public sealed class JsonPathEvaluationException : JsonPathException
{
    /// <summary>The error AWS raises for every data-flow failure here: bad paths, payload templates and intrinsics.</summary>
    public const string RuntimeError = "States.Runtime";

    public JsonPathEvaluationException()
        : this(RuntimeError, string.Empty)
    {
    }

    public JsonPathEvaluationException(string message)
        : this(RuntimeError, message)
    {
    }

    public JsonPathEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = RuntimeError;
    }

    public JsonPathEvaluationException(string error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>The Step Functions error name.</summary>
    public string Error { get; }
}
