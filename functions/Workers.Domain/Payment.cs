namespace Workers.Domain;

/// <summary>A charge recorded in the ledger: at most one per order.</summary>
/// <param name="PaymentId">Derived from the order id.</param>
/// <param name="OrderId">The order charged.</param>
/// <param name="CustomerId">The customer charged.</param>
/// <param name="Amount">The order total.</param>
/// <param name="FraudScore">The provider's risk estimate in [0, 1]; high only for a flagged token or customer.</param>
public sealed record Payment(string PaymentId, string OrderId, string CustomerId, Money Amount, double FraudScore);
