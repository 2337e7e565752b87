namespace Template;

/// <summary>A template value as written, with its position, before any intrinsic function is evaluated.</summary>
internal abstract class Node(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>A scalar; <see cref="Plain"/> scalars may be numbers, booleans or null, quoted ones are strings.</summary>
internal sealed class ScalarNode(string value, bool plain, int line, int column) : Node(line, column)
{
    public string Value { get; } = value;

    public bool Plain { get; } = plain;
}

/// <summary>A mapping with its keys in the order written.</summary>
internal sealed class MapNode(IReadOnlyList<KeyValuePair<string, Node>> entries, int line, int column) : Node(line, column)
{
    public IReadOnlyList<KeyValuePair<string, Node>> Entries { get; } = entries;

    public Node? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>The function name when this mapping is an intrinsic function call (<c>Ref</c>, <c>Condition</c>, <c>Fn::*</c>).</summary>
    public string? Intrinsic =>
        Entries.Count == 1 && (Entries[0].Key is "Ref" or "Condition" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal))
            ? Entries[0].Key
            : null;
}

/// <summary>A sequence.</summary>
internal sealed class SeqNode(IReadOnlyList<Node> items, int line, int column) : Node(line, column)
{
    public IReadOnlyList<Node> Items { get; } = items;
}
