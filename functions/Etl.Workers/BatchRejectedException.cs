using Workers.Domain;

namespace Etl.Workers;

/// <summary>
/// Every row of a batch failed validation, which points at a broken file rather than a few bad rows. The batch's
/// child execution fails, and the map's ToleratedFailurePercentage decides whether the run still succeeds.
/// </summary>
public sealed class BatchRejectedException : DomainException
{
    /// <summary>Creates the exception with a message naming what was wrong.</summary>
    public BatchRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BatchRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
