namespace Workers.Local;

/// <summary>The local cloud could not start: a busy port, a failed build, a missing tool. The message is the one-line cause.</summary>
internal sealed class LocalCloudException : Exception
{
    public LocalCloudException(string message)
        : base(message)
    {
    }

    public LocalCloudException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LocalCloudException()
        : base("The local cloud could not start.")
    {
    }
}
