namespace Workers.Tests;

/// <summary>A response for the idempotency tests.</summary>
public sealed record PaymentReceipt(string PaymentId, decimal Amount);
