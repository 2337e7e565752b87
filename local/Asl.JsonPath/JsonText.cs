using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>JSON text and value helpers shared by paths, templates and intrinsics.</summary>
internal static class JsonText
{
    // AWS writes JSON with Jackson, which leaves HTML-sensitive characters and non-ASCII text as they are.
    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        MaxDepth = 4096,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxNesting };

    /// <summary>Deepest JSON nesting handled where depth matters (Jackson's default limit, which AWS runs with).</summary>
    public const int MaxNesting = 1000;

    /// <summary>
    /// Most values one deep-scan result may copy, so a hostile input cannot exhaust memory; a result that large would
    /// be far past the 256 KiB payload limit anyway.
    /// </summary>
    public const long MaxCopiedValues = 500_000;

    /// <summary>Compact JSON text as AWS prints it in causes and in States.JsonToString.</summary>
    public static string Compact(JsonNode? node) => node is null ? "null" : node.ToJsonString(CompactOptions);

    /// <summary>Parses JSON text; false when it is not exactly one JSON value.</summary>
    public static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text, NodeOptions, DocumentOptions);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    /// <summary>The node itself when it is free to attach to a new parent, otherwise a deep copy.</summary>
    public static JsonNode? Detach(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();

    /// <summary>A deep copy that fails with a named error past <see cref="MaxNesting"/> levels or when <paramref name="budget"/> runs out.</summary>
    public static JsonNode? CloneBounded(JsonNode? node, ref long budget) => CloneBounded(node, ref budget, 0);

    public static JsonPathEvaluationException TooDeep() =>
        new(JsonPathEvaluationException.RuntimeError, $"The JSON value is nested more than {MaxNesting} levels deep.");

    private static JsonNode? CloneBounded(JsonNode? node, ref long budget, int depth)
    {
        if (node is null)
        {
            return null;
        }

        if (--budget < 0)
        {
            throw new JsonPathEvaluationException(
                JsonPathEvaluationException.RuntimeError,
                $"The result of the path would copy more than {MaxCopiedValues} values.");
        }

        if (depth > MaxNesting)
        {
            throw TooDeep();
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var pair in obj)
                {
                    copy.Add(pair.Key, CloneBounded(pair.Value, ref budget, depth + 1));
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(CloneBounded(item, ref budget, depth + 1));
                }

                return items;
            default:
                return node.DeepClone();
        }
    }

    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        // Values the engine itself produced (States.MathAdd, counters) are int-backed: settle them with one check.
        if (v.TryGetValue(out int small))
        {
            value = small;
            return true;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value);
        }

        if (v.TryGetValue(out double d))
        {
            value = d;
            return true;
        }

        if (v.TryGetValue(out long l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue(out decimal m))
        {
            value = (double)m;
            return true;
        }

        if (v.TryGetValue(out float f))
        {
            value = f;
            return true;
        }

        return false;
    }

    /// <summary>A number's JSON text, or a string's raw characters, as Java's toString would print the value.</summary>
    public static string Display(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Compact(node),
    };

    /// <summary>Java's Math.round: half rounds towards positive infinity.</summary>
    public static double RoundHalfUp(double value) => Math.Floor(value + 0.5);
}
