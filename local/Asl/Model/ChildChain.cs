namespace Asl;

/// <summary>
/// Tracks where a Parallel's or Map's chain of previousEventId links continues: after the last finished child, or
/// at the failing child's last event.
/// </summary>
internal sealed class ChildChain(long start)
{
    private readonly Lock _gate = new();
    private bool _failed;
    private long _last = start;

    public long Last => Volatile.Read(ref _last);

    public long FailedAt { get; private set; } = start;

    // Every finished child sets it (a Map finishes thousands), and only the final value is read after the join: an
    // atomic write suffices.
    public void Finished(long lastEventId) => Volatile.Write(ref _last, lastEventId);

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

    /// <summary>
    /// Runs the group, then continues the parent's chain as AWS links it: a failure records
    /// <paramref name="failedType"/> after the failing child's last event; success links the detached
    /// <paramref name="succeededType"/> event to the last child that finished.
    /// </summary>
    public async ValueTask JoinAsync(Frame frame, ChildGroup group, HistoryEventType failedType, HistoryEventType succeededType)
    {
        try
        {
            await group.RunAsync().ConfigureAwait(false);
        }
        catch (StatesErrorException)
        {
            frame.LastEventId = FailedAt;
            frame.Append(failedType, null);
            throw;
        }

        frame.LastEventId = Last;
        frame.AppendDetached(succeededType, null);
    }
}
