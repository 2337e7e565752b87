namespace Workers.Idempotency;

/// <summary>A thread-safe least-recently-used map of completed records, so a warm function replays without a request.</summary>
internal sealed class LruCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<DataRecord>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<DataRecord> _order = new();
    private readonly Lock _lock = new();

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public DataRecord? Get(string key)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value;
        }
    }

    public void Set(DataRecord record)
    {
        lock (_lock)
        {
            if (_map.Remove(record.IdempotencyKey, out var existing))
            {
                _order.Remove(existing);
            }
            else if (_map.Count >= _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.IdempotencyKey);
            }

            _map[record.IdempotencyKey] = _order.AddFirst(record);
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_map.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
