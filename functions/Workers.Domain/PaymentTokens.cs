namespace Workers.Domain;

/// <summary>
/// The simulated provider's test tokens (README "Payment test tokens"). Outcomes depend only on the token, the
/// customer and the customer's limit, never on chance, so tests and demos are repeatable.
/// </summary>
public static class PaymentTokens
{
    /// <summary>Approves while the customer's outstanding amount stays within the limit; low fraud score.</summary>
    public const string Visa = "tok_visa";

    /// <summary>Always declines with <see cref="PaymentDeclinedException"/>.</summary>
    public const string Declined = "tok_declined";

    /// <summary>Approves with a high fraud score (<see cref="PaymentService.HighFraudScore"/>).</summary>
    public const string Fraud = "tok_fraud";

    /// <summary>
    /// <c>tok_flaky_N</c> (N = 1..9) fails the first N attempts for an order with
    /// <see cref="PaymentProviderUnavailableException"/>, then behaves like <see cref="Visa"/>.
    /// </summary>
    public const string FlakyPrefix = "tok_flaky_";
}
