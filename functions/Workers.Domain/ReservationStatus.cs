namespace Workers.Domain;

/// <summary>Whether a reservation still holds its stock.</summary>
public enum ReservationStatus
{
    /// <summary>The stock is taken from inventory and held for the order.</summary>
    Active,

    /// <summary>The stock went back to inventory (the saga compensated).</summary>
    Released,
}
