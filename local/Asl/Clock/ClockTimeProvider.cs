namespace Asl;

/// <summary>Presents the engine clock as a <see cref="TimeProvider"/>, so JSONata's <c>$now()</c> reads virtual time in tests.</summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;
}
