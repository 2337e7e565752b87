using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of ExecutionStarted.</summary>
public sealed record ExecutionStartedDetails(JsonNode? Input, string RoleArn) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        WriteData(writer, "input", Input);
        writer.WriteString("roleArn", RoleArn);
    }
}
