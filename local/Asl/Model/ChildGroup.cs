using System.Runtime.ExceptionServices;

namespace Asl;

/// <summary>
/// Runs the children of a Parallel or Map (branches, iterations, child executions) with at most
/// <c>max</c> at once, in index order. The first failure cancels the others; the group ends only when every
/// started child has unwound. Clock activities are handed over (child → next child → parent) so a virtual clock
/// never sees a moment where nothing runs while work is in fact ready.
/// </summary>
internal sealed class ChildGroup
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _join = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IClock _clock;
    private readonly int _total;
    private readonly int _max;
    private readonly Func<int, CancellationToken, ValueTask> _body;
    private readonly CancellationTokenSource _cancellation;
    private int _next;
    private int _running;
    private bool _parentWaiting;
    private bool _joined;
    private Exception? _failure;

    public ChildGroup(IClock clock, int total, int max, CancellationToken parent, Func<int, CancellationToken, ValueTask> body)
    {
        _clock = clock;
        _total = total;
        _max = max <= 0 ? int.MaxValue : max;
        _body = body;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(parent);
    }

    /// <summary>The first failure, once the group has ended.</summary>
    public Exception? Failure => _failure;

    /// <summary>Fails the group from outside a child (e.g. a tolerated-failure threshold) and cancels the rest.</summary>
    public void Fail(Exception failure)
    {
        var cancel = false;
        lock (_gate)
        {
            if (_failure is null)
            {
                _failure = failure;
                cancel = true;
            }
        }

        if (cancel)
        {
            _cancellation.Cancel();
        }
    }

    /// <summary>Runs every child. Called holding an activity; returns holding one.</summary>
    public async ValueTask RunAsync()
    {
        Dispatch();
        bool done;
        lock (_gate)
        {
            done = IsDone();
            _parentWaiting = !done;
        }

        if (!done)
        {
            _clock.EndActivity();
            await _join.Task.ConfigureAwait(false);
        }

        _cancellation.Dispose();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
    }

    private bool IsDone() => _running == 0 && (_next >= _total || _failure is not null);

    private void Dispatch()
    {
        // A child that completed synchronously is counted off under the same lock that starts the next one.
        var completed = 0;
        while (true)
        {
            int index;
            lock (_gate)
            {
                _running -= completed;
                completed = 0;
                if (_failure is not null || _next >= _total || _running >= _max)
                {
                    return;
                }

                index = _next++;
                _running++;
            }

            _clock.BeginActivity();
            ValueTask body;
            try
            {
                body = _body(index, _cancellation.Token);
            }
            catch (Exception e)
            {
                body = ValueTask.FromException(e);
            }

            Task child;
            if (body.IsCompletedSuccessfully)
            {
                // A child that finished synchronously (a Map iteration of Pass states) needs no awaiting wrapper.
                body.GetAwaiter().GetResult();
                child = Task.CompletedTask;
            }
            else
            {
                child = AwaitChildAsync(body);
            }

            if (child.IsCompleted)
            {
                completed = 1;
                _clock.EndActivity();
            }
            else
            {
                child.ContinueWith(
                    static (_, state) => ((ChildGroup)state!).OnAsyncChildDone(),
                    this,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
    }

    private async Task AwaitChildAsync(ValueTask body)
    {
        try
        {
            await body.ConfigureAwait(false);
        }
        catch (Exception e) when (e is StatesErrorException or OperationCanceledException)
        {
            Fail(e);
        }
    }

    private void OnAsyncChildDone()
    {
        lock (_gate)
        {
            _running--;
        }

        Dispatch();
        bool handOver;
        lock (_gate)
        {
            handOver = _parentWaiting && !_joined && IsDone();
            _joined |= handOver;
        }

        if (handOver)
        {
            _join.TrySetResult();
        }
        else
        {
            _clock.EndActivity();
        }
    }
}
