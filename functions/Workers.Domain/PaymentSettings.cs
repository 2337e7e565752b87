namespace Workers.Domain;

/// <summary>The simulated provider's knobs.</summary>
/// <param name="CustomerLimit">Most a customer may have outstanding per currency; charges beyond it decline.</param>
/// <param name="FlaggedCustomers">Customers whose charges carry a high fraud score whatever the token.</param>
public sealed record PaymentSettings(decimal CustomerLimit, IReadOnlySet<string> FlaggedCustomers)
{
    /// <summary>The default limit per customer and currency.</summary>
    public const decimal DefaultCustomerLimit = 10_000m;

    /// <summary>The defaults: a 10,000 limit and no flagged customers.</summary>
    public static PaymentSettings Default { get; } = new(DefaultCustomerLimit, new HashSet<string>());
}
