namespace Workers.Domain;

/// <summary>A person rejected the order during manual approval.</summary>
public sealed class ApprovalRejectedException : DomainException
{
    /// <summary>Creates the exception with a message that names what failed.</summary>
    public ApprovalRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ApprovalRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
