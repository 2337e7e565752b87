namespace Workers.Domain;

/// <summary>Where a manual approval stands.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for a person's decision.</summary>
    Pending,

    /// <summary>Approved: the saga continues.</summary>
    Approved,

    /// <summary>Rejected: the saga compensates (<see cref="ApprovalRejectedException"/>).</summary>
    Rejected,
}
