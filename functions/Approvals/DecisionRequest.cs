namespace Approvals;

/// <summary>The body of <c>POST /approvals/{approvalId}/approve|reject</c>: <c>{"reason"}</c>, required to reject.</summary>
public sealed record DecisionRequest(string? Reason);
