using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>
/// A node of a compiled expression tree. Consumers can walk it (e.g. to reject some constructs) but not change it;
/// the shape follows the reference implementation's processed AST: paths hold steps, steps hold predicates.
/// </summary>
public sealed class JsonataNode
{
    internal JsonataNode(JsonataNodeKind kind, int position)
    {
        Kind = kind;
        Position = position;
    }

    /// <summary>What this node is.</summary>
    public JsonataNodeKind Kind { get; internal set; }

    /// <summary>Position in the expression text (just after the token, as the reference reports it).</summary>
    public int Position { get; internal set; }

    /// <summary>Operator symbol, field name or variable name.</summary>
    public string? Value { get; internal set; }

    /// <summary>Literal value: string, double, bool, or null for the null literal.</summary>
    public object? Literal { get; internal set; }

    /// <summary>Left operand of a binary node, or the variable of a binding.</summary>
    public JsonataNode? Lhs { get; internal set; }

    /// <summary>Right operand of a binary node, or the bound expression.</summary>
    public JsonataNode? Rhs { get; internal set; }

    /// <summary>Operand of a negation.</summary>
    public JsonataNode? Expression { get; internal set; }

    /// <summary>Items of an array constructor or expressions of a block.</summary>
    public IReadOnlyList<JsonataNode> Expressions => ExpressionList ?? (IReadOnlyList<JsonataNode>)[];

    /// <summary>Steps of a path.</summary>
    public IReadOnlyList<JsonataNode> Steps => StepList ?? (IReadOnlyList<JsonataNode>)[];

    /// <summary>Key/value expressions of an object constructor.</summary>
    public IReadOnlyList<KeyValuePair<JsonataNode, JsonataNode>> Pairs => PairList ?? (IReadOnlyList<KeyValuePair<JsonataNode, JsonataNode>>)[];

    /// <summary>Arguments of a call, or parameters of a lambda.</summary>
    public IReadOnlyList<JsonataNode> Arguments => ArgumentList ?? (IReadOnlyList<JsonataNode>)[];

    /// <summary>Predicate (filter) expressions applied to this node, in order.</summary>
    public IReadOnlyList<JsonataNode> Predicates
    {
        get
        {
            var list = new List<JsonataNode>();
            foreach (var s in (IEnumerable<Stage>?)PredicateList ?? [])
            {
                if (s.Expr is not null)
                {
                    list.Add(s.Expr);
                }
            }

            foreach (var s in (IEnumerable<Stage>?)StageList ?? [])
            {
                if (s.Expr is not null)
                {
                    list.Add(s.Expr);
                }
            }

            return list;
        }
    }

    /// <summary>The callee of a call.</summary>
    public JsonataNode? Procedure { get; internal set; }

    /// <summary>Body of a lambda.</summary>
    public JsonataNode? Body { get; internal set; }

    /// <summary>Condition of a conditional.</summary>
    public JsonataNode? Condition { get; internal set; }

    /// <summary>Then branch of a conditional.</summary>
    public JsonataNode? Then { get; internal set; }

    /// <summary>Else branch of a conditional.</summary>
    public JsonataNode? Else { get; internal set; }

    /// <summary>Pattern of a transform.</summary>
    public JsonataNode? Pattern { get; internal set; }

    /// <summary>Update of a transform.</summary>
    public JsonataNode? Update { get; internal set; }

    /// <summary>Delete clause of a transform.</summary>
    public JsonataNode? Delete { get; internal set; }

    /// <summary>The signature text of a lambda, if declared.</summary>
    public string? SignatureText => Signature?.Text;

    internal List<JsonataNode>? ExpressionList { get; set; }

    internal List<JsonataNode>? StepList { get; set; }

    internal List<KeyValuePair<JsonataNode, JsonataNode>>? PairList { get; set; }

    internal List<JsonataNode>? ArgumentList { get; set; }

    internal List<SortTerm>? Terms { get; set; }

    internal List<Stage>? PredicateList { get; set; }

    internal List<Stage>? StageList { get; set; }

    internal GroupSpec? Group { get; set; }

    internal Signature? Signature { get; set; }

    internal bool KeepArray { get; set; }

    internal bool KeepSingletonArray { get; set; }

    internal bool ConsArray { get; set; }

    internal bool Tuple { get; set; }

    internal bool Thunk { get; set; }

    internal string? Focus { get; set; }

    internal string? IndexVar { get; set; }

    internal Slot? Ancestor { get; set; }

    internal Slot? Slot { get; set; }

    internal List<Slot>? SeekingParent { get; set; }

    internal Regex? RegexValue { get; set; }

    /// <summary>A path whose steps are plain field names: evaluated by direct lookups when no arrays are met.</summary>
    internal bool SimpleNames { get; set; }

    /// <summary>A block that binds variables and so needs its own scope.</summary>
    internal bool NeedsFrame { get; set; }

    /// <summary>An object constructor whose keys are distinct string literals, built without grouping when the input is a single value.</summary>
    internal string[]? LiteralKeys { get; set; }

    internal IEnumerable<JsonataNode> Children()
    {
        foreach (var n in new[] { Lhs, Rhs, Expression, Procedure, Body, Condition, Then, Else, Pattern, Update, Delete })
        {
            if (n is not null)
            {
                yield return n;
            }
        }

        foreach (var list in new[] { ExpressionList, StepList, ArgumentList })
        {
            foreach (var n in (IEnumerable<JsonataNode>?)list ?? [])
            {
                yield return n;
            }
        }

        foreach (var kv in (IEnumerable<KeyValuePair<JsonataNode, JsonataNode>>?)PairList ?? [])
        {
            yield return kv.Key;
            yield return kv.Value;
        }

        foreach (var kv in (IEnumerable<KeyValuePair<JsonataNode, JsonataNode>>?)Group?.Pairs ?? [])
        {
            yield return kv.Key;
            yield return kv.Value;
        }

        foreach (var t in (IEnumerable<SortTerm>?)Terms ?? [])
        {
            yield return t.Expression;
        }

        foreach (var list in new[] { PredicateList, StageList })
        {
            foreach (var stage in (IEnumerable<Stage>?)list ?? [])
            {
                if (stage.Expr is not null)
                {
                    yield return stage.Expr;
                }
            }
        }
    }

    internal string? RegexSource { get; set; }
}

/// <summary>An ancestor slot created by the parent operator.</summary>
internal sealed class Slot
{
    public string Label = "";
    public int Level;
    public int Index;
}

/// <summary>A filter or index-binding stage of a step.</summary>
internal sealed class Stage
{
    public bool IsIndex;
    public JsonataNode? Expr;
    public string? Value;
    public int Position;
}

/// <summary>The object constructor of a grouping expression.</summary>
internal sealed class GroupSpec
{
    public List<KeyValuePair<JsonataNode, JsonataNode>> Pairs = [];
    public int Position;
}

/// <summary>One term of an order-by clause.</summary>
internal sealed class SortTerm
{
    public required JsonataNode Expression;
    public bool Descending;
}
