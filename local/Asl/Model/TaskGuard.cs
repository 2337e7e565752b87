namespace Asl;

/// <summary>
/// Races a task's work against its TimeoutSeconds and HeartbeatSeconds timers (both end as States.Timeout, as AWS
/// records them) and against the abort of its block.
/// </summary>
internal sealed class TaskGuard : IDisposable
{
    private const int TimedOut = 1;
    private const int Aborted = 2;

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<int> _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IClock _clock;
    private readonly CancellationToken _token;
    private readonly long? _heartbeatSeconds;
    private readonly IDisposable _timeout;
    private readonly CancellationTokenRegistration _abort;
    private IDisposable? _heartbeat;
    private bool _disposed;

    public TaskGuard(IClock clock, CancellationToken token, long timeoutSeconds, long? heartbeatSeconds)
    {
        _clock = clock;
        _token = token;
        _heartbeatSeconds = heartbeatSeconds;
        _timeout = clock.Schedule(TimeSpan.FromSeconds(timeoutSeconds), () => _signal.TrySetResult(TimedOut));
        Beat();
        _abort = token.Register(() => _signal.TrySetResult(Aborted));
    }

    /// <summary>Restarts the heartbeat timer.</summary>
    public void Beat()
    {
        if (_heartbeatSeconds is not { } seconds)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _heartbeat?.Dispose();
            _heartbeat = _clock.Schedule(TimeSpan.FromSeconds(seconds), () => _signal.TrySetResult(TimedOut));
        }
    }

    public async Task<T> RaceAsync<T>(Task<T> work)
    {
        var winner = await Task.WhenAny(work, _signal.Task).ConfigureAwait(false);
        if (winner == work)
        {
            return await work.ConfigureAwait(false);
        }

        _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        if (_signal.Task.Result == Aborted)
        {
            throw new OperationCanceledException(_token);
        }

        throw new StatesErrorException(ErrorNames.Timeout, string.Empty);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _heartbeat?.Dispose();
        }

        _timeout.Dispose();
        _abort.Dispose();
    }
}
