namespace Asl.JsonPath;

/// <summary>Base of every error this library raises; the message is AWS's cause text.</summary>
public class JsonPathException : Exception
{
    public JsonPathException()
    {
    }

    public JsonPathException(string message)
        : base(message)
    {
    }

    public JsonPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
