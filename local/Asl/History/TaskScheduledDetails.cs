using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of TaskScheduled.</summary>
public sealed record TaskScheduledDetails(
    string ResourceType,
    string Resource,
    string Region,
    JsonNode? Parameters,
    long? TimeoutInSeconds,
    long? HeartbeatInSeconds) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
        writer.WriteString("region", Region);
        writer.WriteString("parameters", Encode(Parameters));
        if (TimeoutInSeconds is { } timeout)
        {
            writer.WriteNumber("timeoutInSeconds", timeout);
        }

        if (HeartbeatInSeconds is { } heartbeat)
        {
            writer.WriteNumber("heartbeatInSeconds", heartbeat);
        }
    }
}
