namespace Orders.Api;

/// <summary>The 202 answer to <c>POST /orders</c>: <c>{"orderId","executionArn","status":"PENDING"}</c>, the same for a repeated POST.</summary>
public sealed record OrderAccepted(string OrderId, string ExecutionArn, string Status);
