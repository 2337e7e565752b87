using System.Globalization;
using System.Text.Json;

namespace Asl;

/// <summary>
/// One history event, shaped like GetExecutionHistory's: <c>{"timestamp","type","id","previousEventId","&lt;x&gt;EventDetails"}</c>.
/// </summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, HistoryEventType Type, HistoryEventDetails? Details)
{
    private static readonly string[] DetailsNames = BuildDetailsNames();

    /// <summary>The name of the details member for this event type, e.g. <c>stateEnteredEventDetails</c>.</summary>
    public string DetailsName => DetailsNames[(int)Type];

    /// <summary>Writes the event as AWS's JSON 1.0 API returns it (timestamp in epoch seconds).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("timestamp", Timestamp.ToUnixTimeMilliseconds() / 1000m);
        writer.WriteString("type", Type.ToString());
        writer.WriteNumber("id", Id);
        writer.WriteNumber("previousEventId", PreviousEventId);
        if (Details is not null)
        {
            writer.WriteStartObject(DetailsName);
            Details.WriteFields(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads an event written by <see cref="WriteTo"/> back; its details keep their members as written. Throws
    /// <see cref="JsonException"/> for a text that is not such an event (a torn line).
    /// </summary>
    public static HistoryEvent Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (!Enum.TryParse<HistoryEventType>(root.GetProperty("type").GetString(), out var type))
        {
            throw new JsonException("Unknown history event type.");
        }

        var milliseconds = (long)(root.GetProperty("timestamp").GetDecimal() * 1000m);
        var details = root.TryGetProperty(DetailsNames[(int)type], out var fields) ? new RecordedDetails(fields.Clone()) : null;
        return new HistoryEvent(
            root.GetProperty("id").GetInt64(),
            root.GetProperty("previousEventId").GetInt64(),
            DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            type,
            details);
    }

    /// <summary>The event as a JSON text.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string[] BuildDetailsNames()
    {
        var types = Enum.GetValues<HistoryEventType>();
        var names = new string[types.Length];
        foreach (var type in types)
        {
            var name = type.ToString();
            names[(int)type] = name.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
                : name.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
                : char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..] + "EventDetails";
        }

        return names;
    }
}
