using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// A compiled ResultPath (<c>$</c>, <c>$.a.b</c>, <c>$['a'].b</c>, <c>$.list[0]</c>): a definite, <c>$</c>-rooted path
/// saying where a state's result goes in a copy of its raw input. Missing objects along the way are created.
/// </summary>
public sealed class ResultPathExpression
{
    private readonly PathSegment[] _segments;

    private ResultPathExpression(string text, PathSegment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Compiles a ResultPath; throws <see cref="JsonPathSyntaxException"/> unless it is a definite <c>$</c> path.</summary>
    public static ResultPathExpression Parse(string text)
    {
        var path = JsonPathExpression.Parse(text);
        if (path.Root != PathRoot.Input)
        {
            throw new JsonPathSyntaxException($"The value '{text}' is not a valid ResultPath: it must start with '$' and may not refer to the context object or a variable.");
        }

        if (!path.IsDefinite)
        {
            throw new JsonPathSyntaxException($"The value '{text}' is not a valid ResultPath: it must be a reference path (no wildcards, filters, slices, unions or '..').");
        }

        return new ResultPathExpression(text, path.Segments);
    }

    /// <summary>
    /// Places <paramref name="result"/> into a copy of <paramref name="rawInput"/>; the input is never changed.
    /// Throws States.Runtime when a step meets a value that is not an object (or an index outside an array).
    /// </summary>
    public JsonNode? Apply(JsonNode? rawInput, JsonNode? result)
    {
        if (_segments.Length == 0)
        {
            return result;
        }

        var copy = rawInput?.DeepClone();
        var node = copy;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            var isLast = i == _segments.Length - 1;
            if (segment.Kind == SegmentKind.Property)
            {
                if (node is not JsonObject obj)
                {
                    throw Failure(rawInput);
                }

                if (isLast)
                {
                    obj[segment.Name] = JsonText.Detach(result);
                    break;
                }

                if (!obj.TryGetPropertyValue(segment.Name, out var child))
                {
                    child = new JsonObject();
                    obj[segment.Name] = child;
                }

                node = child;
            }
            else
            {
                var effective = node is JsonArray a && segment.Index < 0 ? a.Count + segment.Index : segment.Index;
                if (node is not JsonArray array || effective < 0 || effective >= array.Count)
                {
                    throw Failure(rawInput);
                }

                if (isLast)
                {
                    array[effective] = JsonText.Detach(result);
                    break;
                }

                node = array[effective];
            }
        }

        return copy;
    }

    // AWS's cause names the whole ResultPath and the raw input: Unable to apply ReferencePath $.a to input "text".
    private JsonPathEvaluationException Failure(JsonNode? rawInput) =>
        new(JsonPathEvaluationException.RuntimeError, $"Unable to apply ReferencePath {Text} to input {JsonText.Compact(rawInput)}");
}
