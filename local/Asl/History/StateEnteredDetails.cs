using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of every <c>*StateEntered</c> event.</summary>
public sealed record StateEnteredDetails(string Name, JsonNode? Input) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        WriteData(writer, "input", Input);
    }
}
