namespace Etl.Workers;

/// <summary>TransformBatch's result: the rows worth loading, how many the batch held and how many were rejected.</summary>
public sealed record TransformBatchResult(IReadOnlyList<ProductRow> Rows, int Read, int Rejected, IReadOnlyList<string> Rejects);
