namespace Etl.Workers;

/// <summary>The ETL workers' configuration from template.yaml: PRODUCTS_TABLE and IDEMPOTENCY_TABLE.</summary>
public sealed record EtlSettings(string ProductsTable, string IdempotencyTable)
{
    /// <summary>Reads the settings from environment variables.</summary>
    /// <exception cref="InvalidOperationException">A variable is missing.</exception>
    public static EtlSettings FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string Required(string name) => variable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; the ETL workers need it (see template.yaml).");
        return new EtlSettings(Required("PRODUCTS_TABLE"), Required("IDEMPOTENCY_TABLE"));
    }
}
