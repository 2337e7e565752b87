namespace Lambda.Local;

/// <summary>What the REPORT line of an invocation says, plus the process that ran it.</summary>
/// <param name="Duration">From handing the event to the runtime until its response or error.</param>
/// <param name="InitDuration">Process start until the runtime first asked for an event, on a cold start; otherwise null.</param>
/// <param name="ProcessId">The process that ran the invocation, or null when none was started.</param>
public sealed record InvocationMetrics(TimeSpan Duration, TimeSpan? InitDuration, int? ProcessId);
