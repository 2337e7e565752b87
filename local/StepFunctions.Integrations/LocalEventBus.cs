using System.Collections.Concurrent;

namespace StepFunctions.Integrations;

/// <summary>
/// The in-process EventBridge that <c>events:putEvents</c> reaches when no endpoint is set: it records every event
/// (inspectable, in order) and tells subscribers synchronously.
/// </summary>
public sealed class LocalEventBus
{
    private readonly ConcurrentQueue<LocalEvent> _events = new();
    private readonly ConcurrentDictionary<Guid, Action<LocalEvent>> _subscribers = new();

    /// <summary>Every event put so far, in order.</summary>
    public IReadOnlyList<LocalEvent> Events => [.. _events];

    /// <summary>Calls <paramref name="onEvent"/> for every later event; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<LocalEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var id = Guid.NewGuid();
        _subscribers[id] = onEvent;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    /// <summary>Records an event and hands it to the subscribers.</summary>
    public void Put(LocalEvent localEvent)
    {
        ArgumentNullException.ThrowIfNull(localEvent);
        _events.Enqueue(localEvent);
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber(localEvent);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
