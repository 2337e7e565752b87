using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>The 256 KiB payload quota, checked without serializing small values.</summary>
internal static class JsonLimits
{
    public const int MaxPayloadBytes = 262_144;

    public static bool Exceeds(JsonNode? value)
    {
        // A cheap upper bound settles almost every value; only values near the limit are measured exactly.
        var estimate = Estimate(value, MaxPayloadBytes * 2);
        if (estimate <= MaxPayloadBytes / 2)
        {
            return false;
        }

        return Measure(value) > MaxPayloadBytes;
    }

    public static long Measure(JsonNode? value)
    {
        if (value is null)
        {
            return 4;
        }

        var counter = new CountingBufferWriter();
        using (var writer = new Utf8JsonWriter(counter))
        {
            value.WriteTo(writer);
        }

        return counter.Written;
    }

    private static long Estimate(JsonNode? value, long budget)
    {
        switch (value)
        {
            case null:
                return 4;
            case JsonObject obj:
                // Indexed access: enumerating a JsonObject allocates, and this runs on every state output.
                long total = 2;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, child) = obj.GetAt(i);
                    total += (key.Length * 6) + 4 + Estimate(child, budget - total);
                    if (total > budget)
                    {
                        return total;
                    }
                }

                return total;
            case JsonArray array:
                long sum = 2;
                for (var i = 0; i < array.Count; i++)
                {
                    sum += 1 + Estimate(array[i], budget - sum);
                    if (sum > budget)
                    {
                        return sum;
                    }
                }

                return sum;
            case JsonValue parsed when parsed.TryGetValue(out JsonElement element):
                // A value read from input text is measured by that text: no number parsing or string decoding per check.
                long raw = JsonMarshal.GetRawUtf8Value(element).Length;
                return element.ValueKind == JsonValueKind.String ? (raw * 6) + 2 : raw;
            case JsonValue number when number.TryGetValue(out int integer):
                // Map results are mostly small ints: their exact width keeps a large array of them off the exact path.
                return integer < 0 ? 11 : integer < 100_000 ? 5 : 10;
            default:
                return value.GetValueKind() == JsonValueKind.String ? (value.GetValue<string>().Length * 6L) + 2 : 32;
        }
    }

    private sealed class CountingBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Written { get; private set; }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint).Span;

        private Memory<byte> Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }

            return _scratch;
        }
    }
}
