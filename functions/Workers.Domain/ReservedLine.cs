namespace Workers.Domain;

/// <summary>Units of one SKU held for an order.</summary>
public sealed record ReservedLine(string Sku, int Quantity);
