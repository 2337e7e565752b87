using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// Applies compiled segments the way Jayway JsonPath (with Jackson nodes, as Step Functions runs it) does:
/// a step in the definite prefix of a path fails loudly, later steps skip what does not fit, and an index past
/// the end of an array reads as null.
/// </summary>
internal static class PathWalker
{
    public static bool IsDefinite(PathSegment[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].IsDefiniteToken(i == segments.Length - 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Applies segments[index..] to <paramref name="node"/>, adding every match to <paramref name="results"/>.</summary>
    /// <exception cref="PathFailure">The first step does not fit while everything before it was definite.</exception>
    public static void Collect(PathSegment[] segments, int index, JsonNode? node, JsonNode? root, bool upstreamDefinite, List<JsonNode?> results)
    {
        if (index == segments.Length)
        {
            results.Add(node);
            return;
        }

        var segment = segments[index];
        if (segment.IsScan)
        {
            Scan(segments, index, node, root, results);
            return;
        }

        var isLeaf = index == segments.Length - 1;
        switch (segment.Kind)
        {
            case SegmentKind.Property:
                if (node is JsonObject single)
                {
                    if (single.TryGetPropertyValue(segment.Name, out var value))
                    {
                        Collect(segments, index + 1, value, root, false, results);
                    }
                    else if (upstreamDefinite && !isLeaf)
                    {
                        throw new PathFailure(PathFailureKind.MissingProperty, index, node);
                    }
                }
                else if (upstreamDefinite)
                {
                    throw new PathFailure(PathFailureKind.NotAnObject, index, node);
                }

                break;
            case SegmentKind.Properties:
                if (node is JsonObject many)
                {
                    if (isLeaf)
                    {
                        results.Add(Merge(many, segment.Names));
                        break;
                    }

                    foreach (var name in segment.Names)
                    {
                        if (many.TryGetPropertyValue(name, out var value))
                        {
                            Collect(segments, index + 1, value, root, false, results);
                        }
                    }
                }
                else if (upstreamDefinite)
                {
                    throw new PathFailure(PathFailureKind.NotAnObject, index, node);
                }

                break;
            case SegmentKind.Wildcard:
                if (node is JsonObject wildObject)
                {
                    foreach (var pair in wildObject)
                    {
                        Collect(segments, index + 1, pair.Value, root, false, results);
                    }
                }
                else if (node is JsonArray wildArray)
                {
                    for (var i = 0; i < wildArray.Count; i++)
                    {
                        Collect(segments, index + 1, wildArray[i], root, false, results);
                    }
                }

                break;
            case SegmentKind.Filter:
                if (node is JsonArray candidates)
                {
                    for (var i = 0; i < candidates.Count; i++)
                    {
                        if (segment.Filter!.Matches(candidates[i], root))
                        {
                            Collect(segments, index + 1, candidates[i], root, false, results);
                        }
                    }
                }
                else if (node is JsonObject)
                {
                    if (segment.Filter!.Matches(node, root))
                    {
                        Collect(segments, index + 1, node, root, false, results);
                    }
                }
                else if (upstreamDefinite)
                {
                    throw new PathFailure(PathFailureKind.FilterOnPrimitive, index, node);
                }

                break;
            default:
                if (node is not JsonArray array)
                {
                    if (upstreamDefinite)
                    {
                        throw new PathFailure(node is null ? PathFailureKind.NullArray : PathFailureKind.NotAnArray, index, node);
                    }

                    break;
                }

                CollectFromArray(segments, index, array, root, results);
                break;
        }
    }

    /// <summary>Follows a definite path without failing or allocating (filter operands): false when a step finds nothing.</summary>
    public static bool TryWalkDefinite(PathSegment[] segments, JsonNode? node, out JsonNode? value)
    {
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Property when node is JsonObject obj:
                    if (!obj.TryGetPropertyValue(segment.Name, out node))
                    {
                        value = null;
                        return false;
                    }

                    break;
                case SegmentKind.Properties when node is JsonObject many:
                    node = Merge(many, segment.Names);
                    break;
                case SegmentKind.Index when node is JsonArray array:
                    node = ItemOrNull(array, segment.Index);
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        value = node;
        return true;
    }

    /// <summary>A leaf multi-property read (<c>$['a','b']</c>): one object holding the properties that exist.</summary>
    public static JsonObject Merge(JsonObject source, string[] names)
    {
        var merged = new JsonObject();
        foreach (var name in names)
        {
            if (source.TryGetPropertyValue(name, out var value) && !merged.ContainsKey(name))
            {
                merged[name] = JsonText.Detach(value);
            }
        }

        return merged;
    }

    private static void CollectFromArray(PathSegment[] segments, int index, JsonArray array, JsonNode? root, List<JsonNode?> results)
    {
        var segment = segments[index];
        switch (segment.Kind)
        {
            case SegmentKind.Index:
                Collect(segments, index + 1, ItemOrNull(array, segment.Index), root, false, results);
                break;
            case SegmentKind.Indexes:
                foreach (var i in segment.Indexes)
                {
                    Collect(segments, index + 1, ItemOrNull(array, i), root, false, results);
                }

                break;
            default:
                var (start, end) = segment.SliceBounds(array.Count);
                for (var i = start; i < end; i++)
                {
                    Collect(segments, index + 1, array[i], root, false, results);
                }

                break;
        }
    }

    /// <summary>Jackson answers null for an index outside the array, and Jayway keeps that null as a match.</summary>
    public static JsonNode? ItemOrNull(JsonArray array, int index)
    {
        var effective = index < 0 ? array.Count + index : index;
        return effective >= 0 && effective < array.Count ? array[effective] : null;
    }

    // Pre-order walk of every container below (and including) the node with an explicit stack, so a deeply nested
    // input cannot overflow the call stack.
    private static void Scan(PathSegment[] segments, int index, JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        var segment = segments[index];
        var pending = new Stack<(JsonNode? Node, int Depth)>();
        pending.Push((node, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (current is not (JsonObject or JsonArray))
            {
                continue;
            }

            if (depth > JsonText.MaxNesting)
            {
                throw JsonText.TooDeep();
            }

            ApplyScanned(segments, index, segment, current, root, results);
            PushChildren(pending, current, depth + 1);
        }
    }

    private static void PushChildren(Stack<(JsonNode? Node, int Depth)> pending, JsonNode container, int depth)
    {
        if (container is JsonArray array)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                pending.Push((array[i], depth));
            }

            return;
        }

        var obj = (JsonObject)container;
        var buffer = new JsonNode?[obj.Count];
        var n = 0;
        foreach (var pair in obj)
        {
            buffer[n++] = pair.Value;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            pending.Push((buffer[i], depth));
        }
    }

    private static void ApplyScanned(PathSegment[] segments, int index, PathSegment segment, JsonNode container, JsonNode? root, List<JsonNode?> results)
    {
        var next = index + 1;
        switch (segment.Kind)
        {
            case SegmentKind.Property:
                if (container is JsonObject o && o.TryGetPropertyValue(segment.Name, out var value))
                {
                    Collect(segments, next, value, root, false, results);
                }

                break;
            case SegmentKind.Properties:
                if (container is JsonObject many)
                {
                    foreach (var name in segment.Names)
                    {
                        if (many.TryGetPropertyValue(name, out var v))
                        {
                            Collect(segments, next, v, root, false, results);
                        }
                    }
                }

                break;
            case SegmentKind.Wildcard:
            case SegmentKind.Filter:
                if (container is JsonObject wo)
                {
                    foreach (var pair in wo)
                    {
                        if (segment.Kind == SegmentKind.Wildcard || segment.Filter!.Matches(pair.Value, root))
                        {
                            Collect(segments, next, pair.Value, root, false, results);
                        }
                    }
                }
                else
                {
                    var wa = (JsonArray)container;
                    for (var i = 0; i < wa.Count; i++)
                    {
                        if (segment.Kind == SegmentKind.Wildcard || segment.Filter!.Matches(wa[i], root))
                        {
                            Collect(segments, next, wa[i], root, false, results);
                        }
                    }
                }

                break;
            default:
                if (container is JsonArray array)
                {
                    CollectFromArray(segments, index, array, root, results);
                }

                break;
        }
    }
}
