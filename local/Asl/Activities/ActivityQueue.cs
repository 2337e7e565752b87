namespace Asl;

/// <summary>
/// One activity's scheduled tasks and waiting workers. A task goes to the longest-waiting worker, or waits for the
/// next poll; a task whose state gave up (timeout, stop) is withdrawn so no worker receives it.
/// </summary>
internal sealed class ActivityQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Offer> _offers = new();
    private readonly LinkedList<Poller> _pollers = new();

    /// <summary>Offers a task and completes with the worker name once a worker has taken it.</summary>
    public async Task<string?> OfferAsync(ActivityTask task, CancellationToken cancellationToken)
    {
        var offer = new Offer(task);
        lock (_gate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (_pollers.First is { } first)
            {
                _pollers.RemoveFirst();
                if (first.Value.Delivered.TrySetResult(task))
                {
                    return first.Value.WorkerName;
                }
            }

            offer.Node = _offers.AddLast(offer);
        }

        using var registration = cancellationToken.Register(() => Withdraw(offer));
        return await offer.Taken.Task.ConfigureAwait(false);
    }

    /// <summary>The next task for <paramref name="workerName"/>, waiting up to <paramref name="wait"/>; null when none came.</summary>
    public async Task<ActivityTask?> PollAsync(string? workerName, TimeSpan wait, CancellationToken cancellationToken)
    {
        var poller = new Poller(workerName);
        lock (_gate)
        {
            while (_offers.First is { } first)
            {
                _offers.RemoveFirst();
                if (first.Value.Taken.TrySetResult(workerName))
                {
                    return first.Value.Task;
                }
            }

            poller.Node = _pollers.AddLast(poller);
        }

        try
        {
            return await poller.Delivered.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_gate)
            {
                if (poller.Delivered.TrySetResult(null))
                {
                    _pollers.Remove(poller.Node!);
                    if (e is OperationCanceledException)
                    {
                        throw;
                    }

                    return null;
                }
            }

            // A task was handed over just as the wait ended: the worker must get it, or it would be lost.
            return poller.Delivered.Task.Result;
        }
    }

    /// <summary>Answers every waiting worker with no task (the activity was deleted).</summary>
    public void ReleasePollers()
    {
        lock (_gate)
        {
            while (_pollers.First is { } first)
            {
                _pollers.RemoveFirst();
                first.Value.Delivered.TrySetResult(null);
            }
        }
    }

    private void Withdraw(Offer offer)
    {
        lock (_gate)
        {
            if (offer.Taken.TrySetCanceled())
            {
                _offers.Remove(offer.Node!);
            }
        }
    }

    private sealed class Offer(ActivityTask task)
    {
        public ActivityTask Task { get; } = task;

        public TaskCompletionSource<string?> Taken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Offer>? Node { get; set; }
    }

    private sealed class Poller(string? workerName)
    {
        public string? WorkerName { get; } = workerName;

        public TaskCompletionSource<ActivityTask?> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Poller>? Node { get; set; }
    }
}
