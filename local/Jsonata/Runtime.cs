using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>Per-evaluation state: limits, the fixed clock reading, caller bindings.</summary>
internal sealed class EvalContext
{
    public int Depth;
    public int MaxDepth = int.MaxValue;
    public long Deadline;
    public double NowMillis;
    public Dictionary<string, object?>? Globals;
    public HashSet<string>? Removed;
    private int _tick;

    public void Enter()
    {
        if (++Depth > MaxDepth)
        {
            throw new JsonataException("U1001");
        }

        if (Deadline != 0 && (++_tick & 0x3F) == 0 && Stopwatch.GetTimestamp() > Deadline)
        {
            throw new JsonataException("U1001", "Expression evaluation timeout: Check for infinite loop");
        }

        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001");
        }
    }
}

/// <summary>A scope of variable bindings.</summary>
internal sealed class Frame
{
    public readonly Frame? Parent;
    public readonly EvalContext Ctx;
    private string[]? _names;
    private object?[]? _values;
    private int _count;

    public Frame(EvalContext ctx)
    {
        Ctx = ctx;
    }

    public Frame(Frame parent)
    {
        Parent = parent;
        Ctx = parent.Ctx;
    }

    public void Bind(string name, object? value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names![i], name, StringComparison.Ordinal))
            {
                _values![i] = value;
                return;
            }
        }

        if (_names is null)
        {
            _names = new string[4];
            _values = new object?[4];
        }
        else if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _names[_count] = name;
        _values![_count] = value;
        _count++;
    }

    public object? Lookup(string name)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            var names = f._names;
            for (var i = 0; i < f._count; i++)
            {
                if (string.Equals(names![i], name, StringComparison.Ordinal))
                {
                    return f._values![i];
                }
            }
        }

        var ctx = Ctx;
        if (ctx.Globals is not null && ctx.Globals.TryGetValue(name, out var g))
        {
            return g;
        }

        if (ctx.Removed is not null && ctx.Removed.Contains(name))
        {
            return null;
        }

        return Builtins.Lookup(name);
    }
}

/// <summary>A function value: lambda, built-in, partial application, regex matcher or chain.</summary>
internal abstract class JFunc
{
    public Signature? Signature;

    public abstract int Arity { get; }
}

internal sealed class Lambda : JFunc
{
    public required JsonataNode Node;
    public required List<JsonataNode> Params;
    public object? Input;
    public required Frame Env;
    public bool Thunk;

    public override int Arity => Params.Count;
}

internal delegate object? BuiltinImpl(Frame env, object? input, List<object?> args);

internal sealed class Builtin : JFunc
{
    public required string Name;
    public required BuiltinImpl Impl;
    public int DeclaredArity;

    public override int Arity => DeclaredArity;
}

internal sealed class PartialNative : JFunc
{
    public required JFunc Target;
    public required object?[] Bound;
    public required bool[] Open;

    public override int Arity
    {
        get
        {
            var n = 0;
            foreach (var o in Open)
            {
                if (o)
                {
                    n++;
                }
            }

            return n;
        }
    }
}

internal sealed class RegexMatcher : JFunc
{
    public required Regex Regex;
    public required string Source;
    public int Position;

    public override int Arity => 2;
}

internal sealed class ChainFunc : JFunc
{
    public required object First;
    public required object Second;

    public override int Arity => 1;
}

/// <summary>One regex match with a way to fetch the next, as the reference's matcher protocol defines.</summary>
internal sealed class MatchResult
{
    public required string Match;
    public int Start;
    public int End;
    public required Seq Groups;
    public Func<MatchResult?>? Next;
}
