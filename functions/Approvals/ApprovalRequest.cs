namespace Approvals;

/// <summary>The approval workflow's queue message: <c>{"approvalId","orderId","amount","taskToken"}</c>.</summary>
public sealed record ApprovalRequest(string ApprovalId, string OrderId, decimal Amount, string TaskToken);
