namespace Asl;

/// <summary>
/// Deterministic time for tests. Nothing sleeps: when every activity is asleep on a timer the clock jumps to the
/// earliest due timer (with <see cref="AutoAdvance"/>), and <see cref="AdvanceAsync"/> moves time by hand for tests
/// that interleave callbacks, heartbeats and timeouts. Timers due at the same time fire in the order they were set.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<PendingTimer, (DateTimeOffset Due, long Sequence)> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;
    private int _activities;

    /// <summary>Creates a clock starting at <paramref name="start"/> (default 2024-01-01T00:00:00Z).</summary>
    public VirtualClock(DateTimeOffset? start = null, bool autoAdvance = true)
    {
        _now = start ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        AutoAdvance = autoAdvance;
    }

    /// <summary>Whether time jumps to the next timer whenever every activity is asleep.</summary>
    public bool AutoAdvance { get; }

    /// <inheritdoc/>
    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Every delay requested so far, in order, with its kind (lets tests assert computed back-offs).</summary>
    public IReadOnlyList<(TimerKind Kind, TimeSpan Delay)> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    private readonly List<(TimerKind Kind, TimeSpan Delay)> _delays = [];

    /// <summary>
    /// Timers set and not yet fired, disposed or cancelled. A finished task's timeout and heartbeat timers leave at
    /// once, so a long run of tasks with long timeouts holds nothing for them.
    /// </summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DelayAsync(TimeSpan delay, TimerKind kind, CancellationToken cancellationToken)
    {
        PendingTimer timer;
        lock (_gate)
        {
            _delays.Add((kind, delay));
            if (delay <= TimeSpan.Zero)
            {
                return ValueTask.CompletedTask;
            }

            cancellationToken.ThrowIfCancellationRequested();
            timer = new PendingTimer(this, null);
            _timers.Enqueue(timer, (_now + delay, _sequence++));
        }

        if (cancellationToken.CanBeCanceled)
        {
            timer.Registration = cancellationToken.Register(static state => ((PendingTimer)state!).Cancel(), timer);
        }

        EndActivity();
        return new ValueTask(timer.Completion.Task);
    }

    /// <inheritdoc/>
    public IDisposable Schedule(TimeSpan dueIn, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new PendingTimer(this, callback);
        lock (_gate)
        {
            _timers.Enqueue(timer, (_now + (dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn), _sequence++));
        }

        return timer;
    }

    /// <inheritdoc/>
    public void BeginActivity()
    {
        lock (_gate)
        {
            _activities++;
        }
    }

    /// <inheritdoc/>
    public void EndActivity()
    {
        PendingTimer? fire = null;
        lock (_gate)
        {
            _activities--;
            if (_activities == 0 && AutoAdvance)
            {
                fire = TakeNextLocked(null);
            }
        }

        fire?.Fire();
    }

    /// <summary>
    /// Moves time forward by <paramref name="by"/>, firing every timer that falls due on the way, in order.
    /// Returns once the fired timers' work has been handed to the thread pool.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            PendingTimer? fire;
            lock (_gate)
            {
                fire = TakeNextLocked(target);
                if (fire is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }
            }

            fire.Fire();
            await Task.Yield();
        }
    }

    private PendingTimer? TakeNextLocked(DateTimeOffset? limit)
    {
        // Retired timers have already left the queue, so the earliest entry is the next to fire.
        if (!_timers.TryPeek(out var timer, out var key) || (limit is { } l && key.Due > l))
        {
            return null;
        }

        _timers.Dequeue();
        timer.Done = true;
        if (key.Due > _now)
        {
            _now = key.Due;
        }

        // The woken party holds an activity from here, so the clock cannot run ahead of it.
        _activities++;
        return timer;
    }

    private sealed class PendingTimer(VirtualClock clock, Action? callback) : IDisposable
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public bool Done { get; set; }

        public void Fire()
        {
            Registration.Dispose();
            if (callback is null)
            {
                Completion.TrySetResult();
                return;
            }

            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    var (timerClock, action) = state;
                    try
                    {
                        action();
                    }
                    finally
                    {
                        timerClock.EndActivity();
                    }
                },
                (clock, callback),
                preferLocal: false);
        }

        public void Cancel()
        {
            lock (clock._gate)
            {
                if (!Retire())
                {
                    return;
                }

                clock._activities++;
            }

            Completion.TrySetCanceled();
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                Retire();
            }
        }

        // Called under the clock's lock: a timer that has not fired leaves the queue now rather than at its due time.
        private bool Retire()
        {
            if (Done)
            {
                return false;
            }

            Done = true;
            clock._timers.Remove(this, out _, out _);
            return true;
        }
    }
}
