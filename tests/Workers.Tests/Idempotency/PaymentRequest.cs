namespace Workers.Tests;

/// <summary>An event for the idempotency tests.</summary>
public sealed record PaymentRequest(string? OrderId, decimal Amount, string? Note = null);
