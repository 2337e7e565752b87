using System.Text.Json;

namespace Asl;

/// <summary>Details of MapStateStarted: how many items the Map iterates.</summary>
public sealed record MapStateStartedDetails(int Length) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer) => writer.WriteNumber("length", Length);
}
