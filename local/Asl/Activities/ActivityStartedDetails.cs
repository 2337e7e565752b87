using System.Text.Json;

namespace Asl;

/// <summary>Details of ActivityStarted: the worker that took the task (GetActivityTask's workerName), when it gave one.</summary>
public sealed record ActivityStartedDetails(string? WorkerName) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer) => WriteOptional(writer, "workerName", WorkerName);
}
