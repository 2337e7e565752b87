namespace Etl.Workers;

/// <summary>The ETL run's summary: rows read, loaded and rejected by the succeeded batches, and how many batches failed.</summary>
public sealed record RunSummary(long Read, long Loaded, long Rejected, int FailedBatches);
