namespace Asl;

/// <summary>One Retry entry: which errors, and the back-off (IntervalSeconds × BackoffRate^(n−1), capped, jittered).</summary>
internal sealed record Retrier(string[] ErrorEquals, long IntervalSeconds, int MaxAttempts, double BackoffRate, long? MaxDelaySeconds, bool FullJitter)
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Delay(int attempt, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, attempt - 1);
        if (MaxDelaySeconds is { } cap && seconds > cap)
        {
            seconds = cap;
        }

        if (FullJitter)
        {
            seconds *= random.NextDouble();
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
