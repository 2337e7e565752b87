namespace Asl.JsonPath;

/// <summary>Raised for a path that cannot be compiled (definition time).</summary>
public sealed class JsonPathSyntaxException : JsonPathException
{
    public JsonPathSyntaxException()
    {
    }

    public JsonPathSyntaxException(string message)
        : base(message)
    {
    }

    public JsonPathSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
