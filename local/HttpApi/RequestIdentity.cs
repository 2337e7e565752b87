namespace HttpApi;

/// <summary>Per-request values API Gateway stamps on a request: its id, trace id, arrival time and the caller's address.</summary>
internal sealed record RequestIdentity(string RequestId, string TraceId, DateTimeOffset Time, string SourceIp);
