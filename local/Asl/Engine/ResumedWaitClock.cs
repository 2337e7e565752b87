namespace Asl;

/// <summary>
/// The clock a Wait state sees when it re-runs after a restart: time reads as when the Wait was first entered and
/// its sleep is shortened by what has passed since, so the Wait ends at its original deadline (Seconds or Timestamp).
/// </summary>
internal sealed class ResumedWaitClock(IClock inner, DateTimeOffset entered) : IClock
{
    public DateTimeOffset UtcNow => entered;

    public ValueTask DelayAsync(TimeSpan delay, TimerKind kind, CancellationToken cancellationToken)
    {
        if (kind == TimerKind.Wait)
        {
            // The inner clock scales Wait delays (WAIT_TIME_SCALE): take off the elapsed time in the same scale.
            var scale = inner is RealClock real ? real.WaitTimeScale : 1.0;
            var elapsed = inner.UtcNow - entered;
            delay = scale > 0 ? delay - (elapsed / scale) : TimeSpan.Zero;
        }

        return delay > TimeSpan.Zero ? inner.DelayAsync(delay, kind, cancellationToken) : ValueTask.CompletedTask;
    }

    public IDisposable Schedule(TimeSpan dueIn, Action callback) => inner.Schedule(dueIn, callback);

    public void BeginActivity() => inner.BeginActivity();

    public void EndActivity() => inner.EndActivity();
}
