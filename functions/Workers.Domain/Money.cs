namespace Workers.Domain;

/// <summary>An amount in one currency (ISO 4217 code); amounts in different currencies never mix.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>The sum of two amounts in the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public Money Add(Money other) =>
        other.Currency == Currency
            ? this with { Amount = Amount + other.Amount }
            : throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");

    /// <inheritdoc />
    public override string ToString() => $"{Amount:0.00} {Currency}";
}
