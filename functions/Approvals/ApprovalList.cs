namespace Approvals;

/// <summary><c>GET /approvals?status=…</c>: the approvals in that status.</summary>
public sealed record ApprovalList(IReadOnlyList<ApprovalView> Items);
