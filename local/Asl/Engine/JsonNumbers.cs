using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Reads numbers from nodes whatever CLR type backs them (parsed element, int, long, double, decimal).</summary>
internal static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        // Int-backed values (States.MathAdd results, loop counters) are the common case on the hot path.
        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue<long>(out var l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            value = (double)m;
            return true;
        }

        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An integral number (no fraction) that fits a long.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetDouble(node, out var d) || d != Math.Floor(d) || d > long.MaxValue || d < long.MinValue)
        {
            return false;
        }

        value = (long)d;
        return true;
    }
}
