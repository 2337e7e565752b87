namespace Workers.Domain;

/// <summary>The stock held for one order; at most one per order.</summary>
public sealed record Reservation(string ReservationId, string OrderId, IReadOnlyList<ReservedLine> Lines, ReservationStatus Status);
