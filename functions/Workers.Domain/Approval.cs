namespace Workers.Domain;

/// <summary>A request for a person to approve an order above the approval threshold; decided once.</summary>
public sealed record Approval(string ApprovalId, string OrderId, Money Amount, ApprovalStatus Status, string? Reason = null)
{
    /// <summary>Orders whose total reaches this amount need a person's approval (the saga's default threshold).</summary>
    public const decimal DefaultThreshold = 1_000m;

    /// <summary>Whether an order of this total needs approval under the threshold.</summary>
    public static bool IsRequiredFor(Money total, decimal threshold) => total.Amount >= threshold;

    /// <summary>The decided approval.</summary>
    /// <exception cref="InvalidOperationException">It was already decided.</exception>
    public Approval Decide(bool approve, string? reason) =>
        Status == ApprovalStatus.Pending
            ? this with { Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected, Reason = reason }
            : throw new InvalidOperationException($"Approval {ApprovalId} is already {Status}.");
}
