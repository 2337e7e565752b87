namespace Etl.Workers;

/// <summary>LoadBatch's input, TransformBatch's result as the state machine passes it on.</summary>
public sealed record LoadBatchInput(IReadOnlyList<ProductRow>? Rows, int Read, int Rejected);
