namespace Workers.Idempotency;

/// <summary>One idempotency record as stored: the Powertools item, read or about to be written.</summary>
internal sealed record DataRecord(
    string IdempotencyKey,
    string Status,
    long ExpiryTimestamp,
    string? ResponseData = null,
    string? PayloadHash = null,
    long? InProgressExpiryTimestamp = null)
{
    public const string InProgress = "INPROGRESS";
    public const string Completed = "COMPLETED";
    public const string Expired = "EXPIRED";

    /// <summary>True when the record's expiry (epoch seconds) has passed; zero means it never expires.</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiryTimestamp != 0 && now.ToUnixTimeSeconds() > ExpiryTimestamp;

    /// <summary>The status as Powertools computes it: an expired record reads as EXPIRED whatever is stored.</summary>
    public string EffectiveStatus(DateTimeOffset now) => IsExpired(now) ? Expired : Status;
}
