namespace Approvals;

/// <summary>
/// An approval as approvers see it. It never carries the task token, which stays inside the service.
/// </summary>
public sealed record ApprovalView(
    string ApprovalId,
    string OrderId,
    decimal Amount,
    string Status,
    string? RequestedAt,
    string? DecidedBy,
    string? DecidedAt,
    string? Reason);
