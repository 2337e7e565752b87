using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of every <c>*StateExited</c> event; <see cref="AssignedVariables"/> is set by states with Assign.</summary>
public sealed record StateExitedDetails(string Name, JsonNode? Output) : HistoryEventDetails
{
    /// <summary>Variables the state assigned, by name; null when the state assigned none.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? AssignedVariables { get; init; }

    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        WriteData(writer, "output", Output);
        if (AssignedVariables is null)
        {
            return;
        }

        writer.WriteStartObject("assignedVariables");
        foreach (var (name, value) in AssignedVariables)
        {
            writer.WriteString(name, Encode(value));
        }

        writer.WriteEndObject();
        writer.WriteStartObject("assignedVariablesDetails");
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }
}
