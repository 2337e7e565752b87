namespace Workers.Domain;

/// <summary>A refund recorded in the ledger against an order's charge: at most one per order, for the full amount.</summary>
public sealed record Refund(string RefundId, string OrderId, string PaymentId, string CustomerId, Money Amount);
