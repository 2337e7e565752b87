namespace Workers.Lambda;

/// <summary>What every log line of one invocation carries.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="FunctionArn">The invoked function ARN.</param>
/// <param name="ColdStart">True for the first invocation the process serves.</param>
/// <param name="XRayTraceId">The trace's Root id (<c>1-…-…</c>), or null without a trace header.</param>
internal sealed record LogScope(string RequestId, string FunctionArn, bool ColdStart, string? XRayTraceId);
