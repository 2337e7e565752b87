using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of ActivityScheduled: the activity ARN, the task's input, and the timeouts the state set.</summary>
public sealed record ActivityScheduledDetails(string Resource, JsonNode? Input, long? TimeoutInSeconds, long? HeartbeatInSeconds) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("resource", Resource);
        WriteData(writer, "input", Input);
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
