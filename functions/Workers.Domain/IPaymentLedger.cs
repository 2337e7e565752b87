namespace Workers.Domain;

/// <summary>The payment ledger: charges and refunds per order, each customer's outstanding amount, and provider attempts.</summary>
public interface IPaymentLedger
{
    /// <summary>The order's charge, or null.</summary>
    Task<Payment?> GetChargeAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Records the charge unless the order already has one; false when it does.</summary>
    Task<bool> TryRecordChargeAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>The order's refund, or null.</summary>
    Task<Refund?> GetRefundAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Records the refund unless the order already has one; false when it does.</summary>
    Task<bool> TryRecordRefundAsync(Refund refund, CancellationToken cancellationToken);

    /// <summary>Adds to the customer's outstanding amount in that currency if it stays within the limit; false otherwise.</summary>
    Task<bool> TryAddOutstandingAsync(string customerId, Money amount, decimal limit, CancellationToken cancellationToken);

    /// <summary>Subtracts from the customer's outstanding amount in that currency.</summary>
    Task SubtractOutstandingAsync(string customerId, Money amount, CancellationToken cancellationToken);

    /// <summary>The customer's outstanding amount in a currency (zero when nothing was charged).</summary>
    Task<Money> GetOutstandingAsync(string customerId, string currency, CancellationToken cancellationToken);

    /// <summary>Counts one more provider attempt for the order and returns the new count (1 on the first attempt).</summary>
    Task<int> CountProviderAttemptAsync(string orderId, CancellationToken cancellationToken);
}
