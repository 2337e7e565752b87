namespace Orders.Api;

/// <summary>
/// <c>GET /orders/{orderId}</c>: the order's status (PENDING, APPROVAL_REQUIRED, UNDER_REVIEW, FULFILLED, REJECTED,
/// ROLLED_BACK) with its customer, total and times.
/// </summary>
public sealed record OrderView(string OrderId, string Status, string CustomerId, decimal Amount, string Currency, string CreatedAt, string? UpdatedAt);
