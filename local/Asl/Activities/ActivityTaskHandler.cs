using System.Collections.Concurrent;

namespace Asl;

/// <summary>
/// Runs Task states whose Resource is an activity ARN by handing them to workers that poll for them
/// (GetActivityTask); every other resource goes to the wrapped handler. A task waits for a worker, the worker's pick-up
/// is recorded as ActivityStarted, and its SendTaskSuccess/Failure/Heartbeat resolve the task through its token like a
/// <c>.waitForTaskToken</c> callback.
/// </summary>
public sealed class ActivityTaskHandler(ITaskHandler inner) : ITaskHandler
{
    private readonly ConcurrentDictionary<string, ActivityQueue> _activities = new(StringComparer.Ordinal);

    /// <summary>Registers an activity; false when it already exists.</summary>
    public bool Add(string activityArn) => _activities.TryAdd(activityArn, new ActivityQueue());

    /// <summary>Removes an activity; workers waiting on it get no task. False when it did not exist.</summary>
    public bool Remove(string activityArn)
    {
        if (!_activities.TryRemove(activityArn, out var queue))
        {
            return false;
        }

        queue.ReleasePollers();
        return true;
    }

    /// <summary>Whether the activity exists.</summary>
    public bool Contains(string activityArn) => _activities.ContainsKey(activityArn);

    /// <summary>
    /// Long-polls for the activity's next task for up to <paramref name="wait"/>: the task, or null when none was
    /// scheduled in time. Throws <see cref="KeyNotFoundException"/> for an unknown activity.
    /// </summary>
    public Task<ActivityTask?> PollAsync(string activityArn, string? workerName, TimeSpan wait, CancellationToken cancellationToken = default) =>
        _activities.TryGetValue(activityArn, out var queue)
            ? queue.PollAsync(workerName, wait, cancellationToken)
            : throw new KeyNotFoundException($"No activity '{activityArn}'.");

    /// <inheritdoc/>
    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!invocation.Resource.IsActivity)
        {
            return await inner.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        // The Task state checks the activity exists before scheduling; one deleted since then never gets a worker.
        if (!_activities.TryGetValue(invocation.Resource.Arn, out var queue) || invocation.TaskToken is not { } token)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return TaskHandlerResult.Submitted(null);
        }

        var worker = await queue.OfferAsync(new ActivityTask(token, HistoryEventDetails.Encode(invocation.Parameters)), cancellationToken).ConfigureAwait(false);
        invocation.ActivityStarted(worker);
        return TaskHandlerResult.Submitted(null);
    }
}
