namespace Etl.Workers;

/// <summary>A validated, normalized product row: the item LoadBatch writes under <see cref="ProductId"/>.</summary>
public sealed record ProductRow(string ProductId, string Name, decimal Price, int Quantity);
