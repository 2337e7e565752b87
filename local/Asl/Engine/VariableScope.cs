using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>
/// Workflow variables of one States block (the machine, a Parallel branch or a Map iteration); lookups fall back
/// to the enclosing scope, assignments stay local.
/// </summary>
internal sealed class VariableScope(VariableScope? parent) : IVariableLookup
{
    // Created on first assignment: a Map makes a scope per iteration and most never assign.
    private Lock? _gate;
    private Dictionary<string, JsonNode?>? _values;
    private Dictionary<string, long>? _sizes;
    private long _bytes;

    public VariableScope? Parent { get; } = parent;

    public bool TryGetVariable(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values is not null && scope._values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Bytes (serialized JSON) held by this scope and every enclosing one.</summary>
    public long TotalBytes
    {
        get
        {
            long total = 0;
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                total += scope._bytes;
            }

            return total;
        }
    }

    /// <summary>Every variable this scope can read, outermost first, so an inner value follows the outer one it hides.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Visible()
    {
        var chain = new List<VariableScope>();
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            chain.Add(scope);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var pair in (IEnumerable<KeyValuePair<string, JsonNode?>>?)chain[i]._values ?? [])
            {
                yield return pair;
            }
        }
    }

    /// <summary>The bytes this scope would hold after <paramref name="sizes"/> replace the current values.</summary>
    public long BytesAfter(IReadOnlyDictionary<string, long> sizes)
    {
        var bytes = _bytes;
        foreach (var (name, size) in sizes)
        {
            bytes += size - (_sizes is not null && _sizes.TryGetValue(name, out var old) ? old : 0);
        }

        return bytes;
    }

    public void Assign(IReadOnlyDictionary<string, JsonNode?> values, IReadOnlyDictionary<string, long> sizes)
    {
        lock (LazyInitializer.EnsureInitialized(ref _gate))
        {
            _bytes = BytesAfter(sizes);
            _values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            _sizes ??= new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                _values[name] = value;
                _sizes[name] = sizes[name];
            }
        }
    }
}
