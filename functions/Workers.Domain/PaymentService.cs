namespace Workers.Domain;

/// <summary>
/// Charges and refunds orders through a deterministic simulated provider (see <see cref="PaymentTokens"/>), keeping
/// the ledger so that each order is charged at most once and refunded at most once.
/// </summary>
public sealed class PaymentService(IPaymentLedger ledger, PaymentSettings settings)
{
    /// <summary>Fraud score of an ordinary charge.</summary>
    public const double LowFraudScore = 0.05;

    /// <summary>Fraud score of a charge with <see cref="PaymentTokens.Fraud"/> or from a flagged customer.</summary>
    public const double HighFraudScore = 0.95;

    /// <summary>Charges the order total; a repeat for the same order returns the first charge.</summary>
    /// <exception cref="InvalidOrderException">The order is malformed.</exception>
    /// <exception cref="PaymentDeclinedException">The token declines, is unknown, or the customer's limit would be exceeded.</exception>
    /// <exception cref="PaymentProviderUnavailableException">A <c>tok_flaky_N</c> token within its first N attempts.</exception>
    public async Task<Payment> ChargeAsync(Order order, CancellationToken cancellationToken)
    {
        OrderRules.Validate(order);
        if (await ledger.GetChargeAsync(order.OrderId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var fraudScore = await AuthorizeAsync(order, cancellationToken);
        var amount = order.Total();
        if (!await ledger.TryAddOutstandingAsync(order.CustomerId, amount, settings.CustomerLimit, cancellationToken))
        {
            throw new PaymentDeclinedException(
                $"Charge of {amount} for order {order.OrderId} would exceed customer {order.CustomerId}'s limit of {settings.CustomerLimit:0.00} {amount.Currency}");
        }

        var payment = new Payment(DomainIds.For("pay", order.OrderId), order.OrderId, order.CustomerId, amount, fraudScore);
        if (await ledger.TryRecordChargeAsync(payment, cancellationToken))
        {
            return payment;
        }

        // Another run recorded this order's charge first; its amount is already outstanding, so ours is taken back.
        await ledger.SubtractOutstandingAsync(order.CustomerId, amount, CancellationToken.None);
        return await ledger.GetChargeAsync(order.OrderId, cancellationToken) ?? payment;
    }

    /// <summary>Refunds the order's charge in full; false (a no-op) when nothing was charged or it is already refunded.</summary>
    public async Task<bool> RefundAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await ledger.GetChargeAsync(orderId, cancellationToken) is not { } payment)
        {
            return false;
        }

        var refund = new Refund(DomainIds.For("ref", orderId), orderId, payment.PaymentId, payment.CustomerId, payment.Amount);
        if (!await ledger.TryRecordRefundAsync(refund, cancellationToken))
        {
            return false;
        }

        await ledger.SubtractOutstandingAsync(payment.CustomerId, payment.Amount, CancellationToken.None);
        return true;
    }

    private async Task<double> AuthorizeAsync(Order order, CancellationToken cancellationToken)
    {
        switch (order.PaymentToken)
        {
            case PaymentTokens.Visa:
                break;
            case PaymentTokens.Fraud:
                return HighFraudScore;
            case PaymentTokens.Declined:
                throw new PaymentDeclinedException($"Card declined for order {order.OrderId}");
            case var token when FlakyFailures(token) is { } failures:
                if (await ledger.CountProviderAttemptAsync(order.OrderId, cancellationToken) <= failures)
                {
                    throw new PaymentProviderUnavailableException($"Payment provider unavailable for order {order.OrderId}; try again");
                }

                break;
            default:
                throw new PaymentDeclinedException($"Unknown payment token for order {order.OrderId}");
        }

        return settings.FlaggedCustomers.Contains(order.CustomerId) ? HighFraudScore : LowFraudScore;
    }

    private static int? FlakyFailures(string token) =>
        token.Length == PaymentTokens.FlakyPrefix.Length + 1
        && token.StartsWith(PaymentTokens.FlakyPrefix, StringComparison.Ordinal)
        && token[^1] is >= '1' and <= '9'
            ? token[^1] - '0'
            : null;
}
