namespace Workers.Domain;

/// <summary>
/// An order as the API accepts it and the saga passes it to every step. Values come from JSON, so any of them may be
/// missing: call <see cref="OrderRules.Validate"/> before trusting one.
/// </summary>
public sealed record Order(string OrderId, string CustomerId, IReadOnlyList<OrderLine> Items, string Currency, string PaymentToken)
{
    /// <summary>The order total: the sum of quantity × unit price over the lines.</summary>
    public Money Total() => new(Items.Sum(line => line.Quantity * line.UnitPrice), Currency);
}
