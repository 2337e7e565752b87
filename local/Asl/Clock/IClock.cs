namespace Asl;

/// <summary>
/// The engine's time source. Besides the time it tracks "activities" (running executions, branches and
/// iterations) so a virtual clock can jump to the next timer as soon as everything is asleep.
/// </summary>
public interface IClock
{
    /// <summary>The current time.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>
    /// Sleeps for <paramref name="delay"/>. The caller holds an activity; it is released while asleep and held
    /// again on return (also when cancelled).
    /// </summary>
    ValueTask DelayAsync(TimeSpan delay, TimerKind kind, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="dueIn"/> unless the result is disposed first.</summary>
    IDisposable Schedule(TimeSpan dueIn, Action callback);

    /// <summary>Marks the start of a unit of work that is not asleep.</summary>
    void BeginActivity();

    /// <summary>Marks the end of a unit of work started with <see cref="BeginActivity"/>.</summary>
    void EndActivity();
}
