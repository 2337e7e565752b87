namespace Approvals;

/// <summary>What SendTaskSuccess hands the approval workflow: <c>{"approvalId","decision","approver"}</c>.</summary>
public sealed record DecisionOutput(string ApprovalId, string Decision, string Approver);
