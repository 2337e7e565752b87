using Workers.Domain;

namespace OrderSaga.Workers;

/// <summary>ReserveInventory's result: <c>{"reservationId","lines":[{"sku","quantity"}]}</c>.</summary>
public sealed record ReservationResult(string ReservationId, IReadOnlyList<ReservedLine> Lines);
