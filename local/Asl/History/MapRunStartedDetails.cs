using System.Text.Json;

namespace Asl;

/// <summary>Details of MapRunStarted.</summary>
public sealed record MapRunStartedDetails(string MapRunArn) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer) => writer.WriteString("mapRunArn", MapRunArn);
}
