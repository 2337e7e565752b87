using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// A compiled JSONPath with Step Functions' (Jayway) semantics: <c>$.a.b</c>, <c>$$.Execution.Id</c>,
/// <c>$var.x[0]</c>, <c>$..a[?(@.b &gt; 1)]</c>. A definite path yields its value; an indefinite one (wildcard,
/// slice, filter, union, <c>..</c>) always yields an array. Parse once, evaluate many times.
/// </summary>
public sealed class JsonPathExpression
{
    private const string JsonProviderClass = "com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider";

    private readonly PathSegment[] _segments;
    private readonly int _definitePrefix;
    private readonly bool _hasScan;

    private JsonPathExpression(string text, ParsedPath parsed)
    {
        Text = text;
        Root = parsed.Root;
        VariableName = parsed.VariableName;
        _segments = parsed.Segments;
        var prefix = 0;
        while (prefix < _segments.Length && _segments[prefix].IsDefiniteToken(prefix == _segments.Length - 1))
        {
            prefix++;
        }

        _definitePrefix = prefix;
        var reference = true;
        foreach (var segment in _segments)
        {
            reference &= !segment.IsScan && segment.Kind is SegmentKind.Property or SegmentKind.Index;
            _hasScan |= segment.IsScan;
        }

        IsDefinite = reference;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>What the path reads from.</summary>
    public PathRoot Root { get; }

    /// <summary>The variable name when <see cref="Root"/> is <see cref="PathRoot.Variable"/>.</summary>
    public string? VariableName { get; }

    /// <summary>A reference path: only property and index steps, so at most one value.</summary>
    public bool IsDefinite { get; }

    internal PathSegment[] Segments => _segments;

    /// <summary>True when evaluation builds a new node (an indefinite path's array, a merged union) rather than returning one from the data.</summary>
    internal bool ResultIsFresh => _definitePrefix < _segments.Length || (_segments.Length > 0 && _segments[^1].Kind == SegmentKind.Properties);

    /// <summary>Compiles a path; throws <see cref="JsonPathSyntaxException"/> when it is not valid.</summary>
    public static JsonPathExpression Parse(string text) => new(text, PathParser.Parse(text));

    /// <summary>Compiles a path, reporting a syntax error instead of throwing.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? path, [NotNullWhen(false)] out string? error)
    {
        try
        {
            path = Parse(text);
            error = null;
            return true;
        }
        catch (JsonPathSyntaxException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    internal static JsonPathExpression FromParsed(string text, ParsedPath parsed) => new(text, parsed);

    /// <summary>Evaluates the path; false when it matched nothing (or a step did not fit the data).</summary>
    public bool TryEvaluate(PathEvaluationContext context, out JsonNode? value) =>
        EvaluateCore(context, strictIndex: false, out value) is null;

    /// <summary>Evaluates the path; throws States.Runtime "Invalid path '$.x' : No results for path: $['x']" when it matches nothing.</summary>
    public JsonNode? Evaluate(PathEvaluationContext context)
    {
        var failure = EvaluateCore(context, strictIndex: false, out var value);
        if (failure is not null)
        {
            throw new JsonPathEvaluationException(
                JsonPathEvaluationException.RuntimeError,
                $"Invalid path '{Text}' : {Describe(failure)}");
        }

        return value;
    }

    /// <summary>
    /// Evaluates the path for a named field (a payload template key, ErrorPath, CausePath...); throws States.Runtime
    /// "The JSONPath '$.x' specified for the field 'value.$' could not be found in the input '&lt;json&gt;'".
    /// </summary>
    public JsonNode? EvaluateForField(PathEvaluationContext context, string fieldName)
    {
        var failure = EvaluateCore(context, strictIndex: false, out var value);
        if (failure is not null)
        {
            throw new JsonPathEvaluationException(JsonPathEvaluationException.RuntimeError, FieldMessage(context, fieldName, failure));
        }

        return value;
    }

    /// <summary>Evaluation for an intrinsic argument, where an index past the end is a miss too (as AWS does).</summary>
    internal bool TryEvaluateArgument(PathEvaluationContext context, out JsonNode? value) =>
        EvaluateCore(context, strictIndex: true, out value) is null;

    /// <summary>The path as AWS names it in an intrinsic argument failure: a context path loses one '$'.</summary>
    internal string ArgumentText => Root == PathRoot.Context ? Text[1..] : Text;

    internal bool TryGetRoot(PathEvaluationContext context, out JsonNode? root)
    {
        switch (Root)
        {
            case PathRoot.Input:
                root = context.Input;
                return true;
            case PathRoot.Context:
                root = context.Context;
                return true;
            default:
                root = null;
                return context.Variables is not null && context.Variables.TryGetVariable(VariableName!, out root);
        }
    }

    private string FieldMessage(PathEvaluationContext context, string fieldName, PathFailure failure)
    {
        if (failure.Kind == PathFailureKind.UnknownVariable)
        {
            return $"The JSONPath '{Text}' specified for the field '{fieldName}' could not be found because the variable '{VariableName}' is not assigned";
        }

        TryGetRoot(context, out var root);
        return $"The JSONPath '{Text}' specified for the field '{fieldName}' could not be found in the input '{JsonText.Compact(root)}'";
    }

    private PathFailure? EvaluateCore(PathEvaluationContext context, bool strictIndex, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        value = null;
        if (!TryGetRoot(context, out var root))
        {
            return new PathFailure(PathFailureKind.UnknownVariable, 0, null);
        }

        var node = root;
        var last = _segments.Length - 1;
        for (var i = 0; i < _definitePrefix; i++)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Property:
                    if (node is not JsonObject obj)
                    {
                        return new PathFailure(PathFailureKind.NotAnObject, i, node);
                    }

                    if (!obj.TryGetPropertyValue(segment.Name, out node))
                    {
                        return new PathFailure(i == last ? PathFailureKind.NoResults : PathFailureKind.MissingProperty, i, obj);
                    }

                    break;
                case SegmentKind.Properties:
                    if (node is not JsonObject merged)
                    {
                        return new PathFailure(PathFailureKind.NotAnObject, i, node);
                    }

                    node = PathWalker.Merge(merged, segment.Names);
                    break;
                default:
                    if (node is not JsonArray array)
                    {
                        return new PathFailure(node is null ? PathFailureKind.NullArray : PathFailureKind.NotAnArray, i, node);
                    }

                    var effective = segment.Index < 0 ? array.Count + segment.Index : segment.Index;
                    if (strictIndex && (effective < 0 || effective >= array.Count))
                    {
                        return new PathFailure(PathFailureKind.IndexOutOfRange, i, array);
                    }

                    node = PathWalker.ItemOrNull(array, segment.Index);
                    break;
            }
        }

        if (_definitePrefix == _segments.Length)
        {
            value = node;
            return null;
        }

        var results = new List<JsonNode?>();
        try
        {
            PathWalker.Collect(_segments, _definitePrefix, node, root, upstreamDefinite: true, results);
        }
        catch (PathFailure failure)
        {
            return failure;
        }

        var result = new JsonArray();
        var budget = JsonText.MaxCopiedValues;
        foreach (var item in results)
        {
            // A deep scan can match values nested in one another, so its copies are bounded; other paths copy each value once.
            result.Add(_hasScan ? JsonText.CloneBounded(item, ref budget) : JsonText.Detach(item));
        }

        value = result;
        return null;
    }

    private string Describe(PathFailure failure)
    {
        var i = failure.SegmentIndex;
        return failure.Kind switch
        {
            PathFailureKind.NoResults => "No results for path: " + Normalized(_segments.Length),
            PathFailureKind.MissingProperty => "Missing property in path " + Normalized(i + 1),
            PathFailureKind.NotAnObject =>
                $"Expected to find an object with property {Fragments(i, i + 1)} in path {Normalized(i)} but found '{JavaClassName(failure.Model)}'. This is not a json object according to the JsonProvider: '{JsonProviderClass}'.",
            PathFailureKind.NotAnArray =>
                $"Filter: {Fragments(i, _segments.Length)} can only be applied to arrays. Current context is: {JsonText.Display(failure.Model)}",
            PathFailureKind.NullArray => $"The path {Normalized(i)} is null",
            PathFailureKind.FilterOnPrimitive =>
                $"Filter: {Fragments(i, _segments.Length)} can not be applied to primitives. Current context is: {JsonText.Display(failure.Model)}",
            PathFailureKind.IndexOutOfRange => "Index out of bounds in path " + Normalized(i + 1),
            _ => $"The variable '{VariableName}' is not assigned",
        };
    }

    private string Normalized(int count) => "$" + Fragments(0, count);

    private string Fragments(int from, int to)
    {
        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            _segments[i].AppendFragment(builder);
        }

        return builder.ToString();
    }

    // The Java class Jayway names when a step meets a value of the wrong shape (Jackson unwraps scalars).
    private static string JavaClassName(JsonNode? node)
    {
        switch (JsonText.Kind(node))
        {
            case JsonValueKind.String:
                return "java.lang.String";
            case JsonValueKind.True:
            case JsonValueKind.False:
                return "java.lang.Boolean";
            case JsonValueKind.Array:
                return "com.fasterxml.jackson.databind.node.ArrayNode";
            case JsonValueKind.Object:
                return "com.fasterxml.jackson.databind.node.ObjectNode";
            case JsonValueKind.Number:
                var text = JsonText.Compact(node);
                if (text.AsSpan().IndexOfAny(".eE") >= 0)
                {
                    return "java.lang.Double";
                }

                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "java.lang.Integer"
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "java.lang.Long"
                    : "java.math.BigInteger";
            default:
                return "null";
        }
    }
}
