using Workers.Domain;

namespace Etl.Workers;

/// <summary>The map run's manifest or a result file is missing or not in the shape Step Functions writes.</summary>
public sealed class InvalidResultManifestException : DomainException
{
    /// <summary>Creates the exception with a message naming the object and what was wrong.</summary>
    public InvalidResultManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidResultManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
