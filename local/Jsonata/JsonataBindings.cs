using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>
/// Variables and native functions supplied by the caller, and built-in functions to hide (e.g. <c>$eval</c>).
/// Build it once, then share it: evaluations only read it.
/// </summary>
public sealed class JsonataBindings
{
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Builtin> _functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>Binds <c>$name</c> to a JSON value (null binds JSON null). The node is read, never modified.</summary>
    public JsonataBindings Variable(string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _variables[name] = value;
        _removed.Remove(name);
        return this;
    }

    /// <summary>Registers <c>$name</c> as a native function with a JSONata signature such as <c>&lt;s-n?:s&gt;</c>.</summary>
    public JsonataBindings Function(string name, string signature, JsonataFunction implementation)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(implementation);
        var sig = Signature.Parse(signature);
        _functions[name] = new Builtin
        {
            Name = name,
            Signature = sig,
            DeclaredArity = sig.ParamCount,
            Impl = (_, _, args) =>
            {
                var converted = new JsonataResult[args.Count];
                for (var i = 0; i < args.Count; i++)
                {
                    converted[i] = ToResult(args[i]);
                }

                var result = implementation(converted);
                return result.Kind == JsonataResultKind.Value ? Values.FromNode(result.Value) : null;
            },
        };
        _removed.Remove(name);
        return this;
    }

    /// <summary>Hides a built-in function (or an earlier binding), so <c>$name</c> is undefined.</summary>
    public JsonataBindings Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _variables.Remove(name);
        _functions.Remove(name);
        _removed.Add(name);
        return this;
    }

    internal static JsonataResult ToResult(object? value) => value switch
    {
        null => JsonataResult.Undefined,
        JFunc => new JsonataResult(JsonataResultKind.Function, null),
        _ => JsonataResult.FromValue(Values.ToNode(value)),
    };

    internal void Apply(EvalContext ctx)
    {
        if (_variables.Count + _functions.Count > 0)
        {
            var globals = new Dictionary<string, object?>(_variables.Count + _functions.Count, StringComparer.Ordinal);
            foreach (var kv in _variables)
            {
                globals[kv.Key] = Values.FromNode(kv.Value);
            }

            foreach (var kv in _functions)
            {
                globals[kv.Key] = kv.Value;
            }

            ctx.Globals = globals;
        }

        if (_removed.Count > 0)
        {
            ctx.Removed = _removed;
        }
    }
}
