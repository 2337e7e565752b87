namespace Asl;

/// <summary>
/// Tracks where a Parallel's or Map's chain of previousEventId links continues: after the last finished child, or
/// at the failing child's last event.
/// </summary>
internal sealed class ChildChain(long start)
{
    private readonly Lock _gate = new();

    public long Last { get; private set; } = start;

    public long FailedAt { get; private set; } = start;

    private bool _failed;

    public void Finished(long lastEventId)
    {
        lock (_gate)
        {
            Last = lastEventId;
        }
    }

    public void Failed(long lastEventId)
    {
        lock (_gate)
        {
            if (!_failed)
            {
                _failed = true;
                FailedAt = lastEventId;
            }
        }
    }
}
