using System.Globalization;

namespace Asl;

/// <summary>Wall-clock time; Wait states are scaled by <see cref="WaitTimeScale"/> (Step Functions Local's WAIT_TIME_SCALE).</summary>
public sealed class RealClock(double waitTimeScale = 1.0) : IClock
{
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(40);

    /// <summary>The multiplier applied to Wait states (0 = no wait, 0.5 halves, 2 doubles).</summary>
    public double WaitTimeScale { get; } = waitTimeScale >= 0 ? waitTimeScale : throw new ArgumentOutOfRangeException(nameof(waitTimeScale));

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <summary>A real clock configured from the WAIT_TIME_SCALE environment variable (default 1).</summary>
    public static RealClock FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("WAIT_TIME_SCALE");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 0
            ? new RealClock(scale)
            : new RealClock();
    }

    /// <inheritdoc/>
    public async ValueTask DelayAsync(TimeSpan delay, TimerKind kind, CancellationToken cancellationToken)
    {
        var remaining = kind == TimerKind.Wait ? delay * WaitTimeScale : delay;
        while (remaining > TimeSpan.Zero)
        {
            var step = remaining < LongestTimer ? remaining : LongestTimer;
            await Task.Delay(step, cancellationToken).ConfigureAwait(false);
            remaining -= step;
        }
    }

    /// <inheritdoc/>
    public IDisposable Schedule(TimeSpan dueIn, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // .NET timers stop at about 49 days; a local run never lives that long, so a later timer never fires.
        return dueIn > LongestTimer
            ? new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite)
            : new Timer(_ => callback(), null, dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public void BeginActivity()
    {
    }

    /// <inheritdoc/>
    public void EndActivity()
    {
    }
}
