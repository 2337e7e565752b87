namespace StateMachines.Tests;

/// <summary>What the saga left in the tables for one order: its status and each side effect's state (null: none).</summary>
public sealed record OrderEffects(
    string? Status,
    string? Reservation,
    decimal? Charged,
    decimal? Refunded,
    string? Shipment);
