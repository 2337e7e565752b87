namespace Approvals;

/// <summary>What storing a request did, the idempotency record's response: false when a decision was already there.</summary>
public sealed record ApprovalRecorded(string ApprovalId, bool Stored);
