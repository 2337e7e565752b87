using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// The <c>&lt;x&gt;EventDetails</c> object of a history event. Details hold JSON node references; they are serialized
/// only when the history is read, never while the execution runs.
/// </summary>
public abstract record HistoryEventDetails
{
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes this object's members (not the braces) in AWS's field names.</summary>
    public abstract void WriteFields(Utf8JsonWriter writer);

    /// <summary>Serializes a value the way history carries data: a JSON-encoded string.</summary>
    public static string Encode(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactOptions))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <c>"name": "&lt;json&gt;", "nameDetails": {"truncated": false}</c>.</summary>
    protected static void WriteData(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(name, Encode(value));
        writer.WriteStartObject(name + "Details");
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }

    /// <summary>Writes a string member only when it has a value, as AWS omits absent members.</summary>
    protected static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
