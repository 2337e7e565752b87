using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Event details read back from an execution log: the members exactly as they were written, so a restored history
/// reads the same as before the restart.
/// </summary>
public sealed record RecordedDetails(JsonElement Fields) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var member in Fields.EnumerateObject())
        {
            member.WriteTo(writer);
        }
    }

    /// <summary>A string member, or null when absent.</summary>
    public string? Text(string name) =>
        Fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A data member (history carries data as JSON-encoded strings) decoded, or null when absent.</summary>
    public JsonNode? Data(string name) => Text(name) is { } json ? JsonMaterializer.Materialize(JsonNode.Parse(json), decodeStrings: true) : null;

    /// <summary>Whether the member is present.</summary>
    public bool Has(string name) => Fields.TryGetProperty(name, out _);

    /// <summary>An object member of string values decoded as data (StateExited's assignedVariables).</summary>
    public IReadOnlyDictionary<string, JsonNode?> DataMap(string name)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (Fields.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in map.EnumerateObject())
            {
                values[member.Name] = member.Value.ValueKind == JsonValueKind.String
                    ? JsonMaterializer.Materialize(JsonNode.Parse(member.Value.GetString()!), decodeStrings: true)
                    : null;
            }
        }

        return values;
    }
}
