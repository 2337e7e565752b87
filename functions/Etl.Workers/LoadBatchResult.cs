namespace Etl.Workers;

/// <summary>One batch's counts, the child execution's output that SummarizeRun adds up.</summary>
public sealed record LoadBatchResult(int Read, int Loaded, int Rejected);
