using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>Structural JSON equality (numbers by value, object keys unordered), for ArrayContains/ArrayUnique and filters.</summary>
internal sealed class JsonEquality : IEqualityComparer<JsonNode?>
{
    public static readonly JsonEquality Instance = new();

    public bool Equals(JsonNode? x, JsonNode? y)
    {
        EnsureStack();
        var kind = JsonText.Kind(x);
        if (kind != JsonText.Kind(y))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return string.Equals(x!.GetValue<string>(), y!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return JsonText.TryGetNumber(x, out var a) && JsonText.TryGetNumber(y, out var b) && a.Equals(b);
            case JsonValueKind.Array:
                var left = (JsonArray)x!;
                var right = (JsonArray)y!;
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!Equals(left[i], right[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var lo = (JsonObject)x!;
                var ro = (JsonObject)y!;
                if (lo.Count != ro.Count)
                {
                    return false;
                }

                foreach (var pair in lo)
                {
                    if (!ro.TryGetPropertyValue(pair.Key, out var other) || !Equals(pair.Value, other))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    public int GetHashCode(JsonNode? obj)
    {
        EnsureStack();
        switch (JsonText.Kind(obj))
        {
            case JsonValueKind.Null:
                return 1;
            case JsonValueKind.True:
                return 2;
            case JsonValueKind.False:
                return 3;
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(obj!.GetValue<string>());
            case JsonValueKind.Number:
                return JsonText.TryGetNumber(obj, out var d) ? d.GetHashCode() : 4;
            case JsonValueKind.Array:
                var hash = new HashCode();
                foreach (var item in (JsonArray)obj!)
                {
                    hash.Add(GetHashCode(item));
                }

                return hash.ToHashCode();
            default:
                // Key order must not matter, so combine member hashes commutatively.
                var sum = 17;
                foreach (var pair in (JsonObject)obj!)
                {
                    sum += HashCode.Combine(StringComparer.Ordinal.GetHashCode(pair.Key), GetHashCode(pair.Value));
                }

                return sum;
        }
    }

    private static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonPathEvaluationException(JsonPathEvaluationException.RuntimeError, "The JSON value is too deeply nested.");
        }
    }
}
