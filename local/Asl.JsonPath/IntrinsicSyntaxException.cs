namespace Asl.JsonPath;

/// <summary>Raised for an intrinsic function call or payload template that cannot be compiled (definition time).</summary>
public sealed class IntrinsicSyntaxException : JsonPathException
{
    public IntrinsicSyntaxException()
    {
    }

    public IntrinsicSyntaxException(string message)
        : base(message)
    {
    }

    public IntrinsicSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
