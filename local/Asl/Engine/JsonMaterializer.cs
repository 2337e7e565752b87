using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Forces parsed nodes to build their children now: System.Text.Json builds them lazily on first read, which is not
/// safe when Map iterations and Parallel branches read the same value from several threads.
/// </summary>
internal static class JsonMaterializer
{
    /// <summary>
    /// Builds every child now; with <paramref name="decodeStrings"/> also decodes every string, so text that is not
    /// valid UTF-16 (a lone surrogate) is rejected here rather than deep inside a running execution.
    /// </summary>
    public static JsonNode? Materialize(JsonNode? value, bool decodeStrings = false)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child, decodeStrings);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child, decodeStrings);
                }

                break;
            case JsonValue text when decodeStrings && text.GetValueKind() == System.Text.Json.JsonValueKind.String:
                _ = text.GetValue<string>();
                break;
        }

        return value;
    }

    public static JsonNode? Detached(JsonNode? value) => value?.Parent is null ? value : value.DeepClone();

    /// <summary>
    /// <see cref="ToArray(IEnumerable{JsonNode?})"/> for results known in advance: the array is sized once, so a Map's
    /// large result is neither copied as it grows nor placed on the large object heap.
    /// </summary>
    public static JsonArray ToArray(JsonNode?[] values)
    {
        var array = new JsonArray(new JsonNode?[values.Length]);
        for (var i = 0; i < values.Length; i++)
        {
            array[i] = Detached(values[i]);
        }

        return array;
    }

    /// <summary>An array of the values, cloning any that already belong to a tree (or appear twice).</summary>
    public static JsonArray ToArray(IEnumerable<JsonNode?> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(Detached(value));
        }

        return array;
    }
}
