using System.Text.Json;

namespace Asl;

/// <summary>
/// The append-only event history of one execution. Readers take snapshots; subscribers are called in event order,
/// under the history's lock, as each event is appended (keep them fast: hand off to a queue for slow work).
/// </summary>
public sealed class ExecutionHistory
{
    private readonly Lock _gate = new();
    private readonly List<HistoryEvent> _events = [];
    private Action<HistoryEvent>[] _subscribers = [];

    /// <summary>The number of events so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>A copy of the events so far, in id order.</summary>
    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>
    /// Calls <paramref name="onEvent"/> for every event already recorded and then for each new one, in order.
    /// Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<HistoryEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        lock (_gate)
        {
            foreach (var recorded in _events)
            {
                onEvent(recorded);
            }

            _subscribers = [.. _subscribers, onEvent];
        }

        return new Subscription(this, onEvent);
    }

    /// <summary>Writes <c>{"events":[...]}</c> as GetExecutionHistory returns it.</summary>
    public void WriteTo(Utf8JsonWriter writer, bool reverseOrder = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var events = Snapshot();
        writer.WriteStartObject();
        writer.WriteStartArray("events");
        for (var i = 0; i < events.Count; i++)
        {
            events[reverseOrder ? events.Count - 1 - i : i].WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Puts back the events of a restored execution, before anything subscribes or appends.</summary>
    internal void Restore(IEnumerable<HistoryEvent> events)
    {
        lock (_gate)
        {
            _events.AddRange(events);
        }
    }

    internal HistoryEvent Append(HistoryEventType type, long previousEventId, DateTimeOffset timestamp, HistoryEventDetails? details)
    {
        lock (_gate)
        {
            var recorded = new HistoryEvent(_events.Count + 1, previousEventId, timestamp, type, details);
            _events.Add(recorded);
            foreach (var subscriber in _subscribers)
            {
                subscriber(recorded);
            }

            return recorded;
        }
    }

    private void Unsubscribe(Action<HistoryEvent> onEvent)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != onEvent)];
        }
    }

    private sealed class Subscription(ExecutionHistory history, Action<HistoryEvent> onEvent) : IDisposable
    {
        public void Dispose() => history.Unsubscribe(onEvent);
    }
}
