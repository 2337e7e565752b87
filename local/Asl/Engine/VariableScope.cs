using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>
/// Workflow variables of one States block (the machine, a Parallel branch or a Map iteration); lookups fall back
/// to the enclosing scope, assignments stay local.
/// </summary>
internal sealed class VariableScope(VariableScope? parent) : IVariableLookup
{
    private readonly Lock _gate = new();
    private Dictionary<string, JsonNode?>? _values;

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

    public void Assign(IReadOnlyDictionary<string, JsonNode?> values)
    {
        lock (_gate)
        {
            _values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                _values[name] = value;
            }
        }
    }
}
