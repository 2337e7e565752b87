namespace Workers.Lambda;

/// <summary>One event served by <c>/runtime/invocation/next</c>: its body and the Runtime API headers.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    byte[] Body,
    DateTimeOffset? Deadline,
    string InvokedFunctionArn,
    string? TraceHeader,
    string? ClientContext,
    string? CognitoIdentity,
    string? TenantId);
