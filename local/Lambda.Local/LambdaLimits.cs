namespace Lambda.Local;

/// <summary>Lambda's payload quotas, with the byte counts its error messages quote.</summary>
internal static class LambdaLimits
{
    /// <summary>A synchronous Invoke request body (6 MB).</summary>
    public const int SyncRequestBytes = 6 * 1024 * 1024;

    /// <summary>An asynchronous (Event) Invoke request body (1 MB).</summary>
    public const int AsyncRequestBytes = 1024 * 1024;

    /// <summary>A response or error posted by the runtime: the Runtime API's 6 MB plus 100 bytes of slack.</summary>
    public const int RuntimePayloadBytes = (6 * 1024 * 1024) + 100;

    /// <summary>The log tail returned with <c>X-Amz-Log-Type: Tail</c>.</summary>
    public const int LogTailBytes = 4 * 1024;

    /// <summary>Longest function log line kept whole (CloudWatch's event size); longer output is split.</summary>
    public const int LogLineBytes = 256 * 1024;
}
