namespace Workers.Domain;

/// <summary>Stock per SKU. Implementations take stock atomically so it never goes below zero.</summary>
public interface IInventoryRepository
{
    /// <summary>Takes units of a SKU if at least that many are available; false (and nothing taken) otherwise or for an unknown SKU.</summary>
    Task<bool> TryTakeAsync(string sku, int quantity, CancellationToken cancellationToken);

    /// <summary>Returns units of a SKU to stock.</summary>
    Task PutBackAsync(string sku, int quantity, CancellationToken cancellationToken);
}
