namespace Template;

/// <summary>
/// SAM's Globals: a section's properties apply to every resource of its type. As SAM merges them, primitives
/// (and intrinsic functions) in the resource win, maps merge key by key recursively, lists are the global items
/// followed by the resource's.
/// </summary>
internal static class GlobalsMerger
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["Function"] = "AWS::Serverless::Function",
        ["Api"] = "AWS::Serverless::Api",
        ["HttpApi"] = "AWS::Serverless::HttpApi",
        ["SimpleTable"] = "AWS::Serverless::SimpleTable",
        ["StateMachine"] = "AWS::Serverless::StateMachine",
        ["LayerVersion"] = "AWS::Serverless::LayerVersion",
        ["CapacityProvider"] = "AWS::Serverless::CapacityProvider",
    };

    /// <summary>Reports unknown Globals sections; returns the section per resource type.</summary>
    public static IReadOnlyDictionary<string, MapNode> Sectioned(MapNode? globals, ErrorList errors)
    {
        var result = new Dictionary<string, MapNode>(StringComparer.Ordinal);
        foreach (var (name, section) in globals?.Entries ?? [])
        {
            if (!Sections.TryGetValue(name, out var type))
            {
                errors.Add(section, $"Globals section '{name}' is not one SAM supports ({string.Join(", ", Sections.Keys)})");
            }
            else if (section is MapNode properties)
            {
                result[type] = properties;
            }
            else
            {
                errors.Add(section, $"Globals section '{name}' must be a mapping of properties");
            }
        }

        return result;
    }

    public static MapNode Merge(MapNode global, MapNode? local) => local is null ? global : (MapNode)MergeNode(global, local);

    private static Node MergeNode(Node global, Node local)
    {
        switch (global, local)
        {
            case (MapNode { Intrinsic: null } g, MapNode { Intrinsic: null } l):
                var entries = new List<KeyValuePair<string, Node>>();
                foreach (var (key, value) in g.Entries)
                {
                    entries.Add(KeyValuePair.Create(key, l[key] is { } mine ? MergeNode(value, mine) : value));
                }

                entries.AddRange(l.Entries.Where(e => g[e.Key] is null));
                return new MapNode(entries, l.Line, l.Column);
            case (SeqNode g, SeqNode l):
                return new SeqNode([.. g.Items, .. l.Items], l.Line, l.Column);
            default:
                return local;
        }
    }
}
