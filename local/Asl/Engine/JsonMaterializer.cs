using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Forces parsed nodes to build their children now: System.Text.Json builds them lazily on first read, which is not
/// safe when Map iterations and Parallel branches read the same value from several threads.
/// </summary>
internal static class JsonMaterializer
{
    public static JsonNode? Materialize(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
        }

        return value;
    }

    public static JsonNode? Detached(JsonNode? value) => value?.Parent is null ? value : value.DeepClone();

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
