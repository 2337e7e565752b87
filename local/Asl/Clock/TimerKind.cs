namespace Asl;

/// <summary>Why the engine sleeps; a real clock scales only <see cref="Wait"/> (WAIT_TIME_SCALE, as Step Functions Local).</summary>
public enum TimerKind
{
    /// <summary>A Wait state.</summary>
    Wait,

    /// <summary>A Retry back-off.</summary>
    Retry,
}
