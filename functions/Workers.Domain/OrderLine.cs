namespace Workers.Domain;

/// <summary>One line of an order: how many units of a SKU at what unit price (in the order's currency).</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);
