using System.Globalization;
using Workers.Domain;

namespace OrderSaga.Workers;

/// <summary>
/// The saga workers' configuration, from the function's environment (set in template.yaml): the tables
/// INVENTORY_TABLE, RESERVATIONS_TABLE, PAYMENTS_TABLE, SHIPMENTS_TABLE and IDEMPOTENCY_TABLE, and the simulated
/// provider's PAYMENT_CUSTOMER_LIMIT (default 10000) and FRAUD_FLAGGED_CUSTOMERS (comma-separated customer ids).
/// </summary>
public sealed record SagaSettings(
    string InventoryTable,
    string ReservationsTable,
    string PaymentsTable,
    string ShipmentsTable,
    string IdempotencyTable,
    PaymentSettings Payment)
{
    /// <summary>Reads the settings from environment variables.</summary>
    /// <param name="variable">Looks a variable up; <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    /// <exception cref="InvalidOperationException">A table variable is missing, or the limit is not a positive number.</exception>
    public static SagaSettings FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string Required(string name) => variable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; the order saga workers need it (see template.yaml).");

        var limit = PaymentSettings.DefaultCustomerLimit;
        if (variable("PAYMENT_CUSTOMER_LIMIT") is { Length: > 0 } limitText
            && (!decimal.TryParse(limitText, NumberStyles.Number, CultureInfo.InvariantCulture, out limit) || limit <= 0))
        {
            throw new InvalidOperationException($"PAYMENT_CUSTOMER_LIMIT must be a positive number, not '{limitText}'.");
        }

        var flagged = (variable("FRAUD_FLAGGED_CUSTOMERS") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        return new SagaSettings(
            Required("INVENTORY_TABLE"),
            Required("RESERVATIONS_TABLE"),
            Required("PAYMENTS_TABLE"),
            Required("SHIPMENTS_TABLE"),
            Required("IDEMPOTENCY_TABLE"),
            new PaymentSettings(limit, flagged));
    }
}
