using System.Text.Json;

namespace Asl;

/// <summary>
/// The append-only event history of one execution. Readers take snapshots; subscribers are called in event order,
/// under the history's lock, as each event is appended (keep them fast: hand off to a queue for slow work; and do not
/// read or change this history from inside one, which throws: the lock is not re-entrant).
/// </summary>
public sealed class ExecutionHistory
{
    // Events live in chunks of at most 32 KB of references: a long history is never copied as a whole as it grows,
    // and its storage stays off the large object heap, whose allocations cost full collections. The first chunk
    // starts small and doubles, as most executions are short.
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;

    private HistoryGate _gate;
    private HistoryEvent[][] _chunks = [new HistoryEvent[16]];
    private int _count;
    private Action<HistoryEvent>[] _subscribers = [];

    /// <summary>The number of events so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>A copy of the events so far, in id order.</summary>
    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        _gate.Enter();
        try
        {
            var events = new HistoryEvent[_count];
            for (var copied = 0; copied < events.Length; copied += ChunkSize)
            {
                _chunks[copied >> ChunkBits].AsSpan(0, Math.Min(ChunkSize, events.Length - copied)).CopyTo(events.AsSpan(copied));
            }

            return events;
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>
    /// Calls <paramref name="onEvent"/> for every event already recorded and then for each new one, in order.
    /// Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<HistoryEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        _gate.Enter();
        try
        {
            for (var i = 0; i < _count; i++)
            {
                onEvent(_chunks[i >> ChunkBits][i & (ChunkSize - 1)]);
            }

            _subscribers = [.. _subscribers, onEvent];
        }
        finally
        {
            _gate.Exit();
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
        _gate.Enter();
        try
        {
            foreach (var restored in events)
            {
                Store(restored);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    internal HistoryEvent Append(HistoryEventType type, long previousEventId, DateTimeOffset timestamp, HistoryEventDetails? details)
    {
        _gate.Enter();
        try
        {
            var recorded = new HistoryEvent(_count + 1, previousEventId, timestamp, type, details);
            Store(recorded);
            foreach (var subscriber in _subscribers)
            {
                subscriber(recorded);
            }

            return recorded;
        }
        finally
        {
            _gate.Exit();
        }
    }

    private void Store(HistoryEvent recorded)
    {
        var chunk = _count >> ChunkBits;
        var index = _count & (ChunkSize - 1);
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, chunk * 2);
        }

        var storage = _chunks[chunk] ??= new HistoryEvent[ChunkSize];
        if (index == storage.Length)
        {
            Array.Resize(ref storage, index * 2);
            _chunks[chunk] = storage;
        }

        storage[index] = recorded;
        Volatile.Write(ref _count, _count + 1);
    }

    private void Unsubscribe(Action<HistoryEvent> onEvent)
    {
        _gate.Enter();
        try
        {
            _subscribers = [.. _subscribers.Where(s => s != onEvent)];
        }
        finally
        {
            _gate.Exit();
        }
    }

    private sealed class Subscription(ExecutionHistory history, Action<HistoryEvent> onEvent) : IDisposable
    {
        public void Dispose() => history.Unsubscribe(onEvent);
    }
}
