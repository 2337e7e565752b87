using System.Text.Json;

namespace Asl;

/// <summary>Details of MapIteration{Started,Succeeded,Failed,Aborted}: the Map state's name and the item index.</summary>
public sealed record MapIterationDetails(string Name, int Index) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        writer.WriteNumber("index", Index);
    }
}
