using System.Text.Json;

namespace Asl;

/// <summary>Details of ExecutionRedriven: how many times the execution has been redriven, this one included.</summary>
public sealed record ExecutionRedrivenDetails(int RedriveCount) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("redriveCount", RedriveCount);
    }
}
