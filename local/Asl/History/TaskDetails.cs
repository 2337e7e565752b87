using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Details of TaskStarted (resource only), TaskSubmitted/TaskSucceeded (with output) and
/// TaskFailed/TaskTimedOut/TaskStartFailed/TaskSubmitFailed (with error and cause).
/// </summary>
public sealed record TaskDetails(string ResourceType, string Resource) : HistoryEventDetails
{
    /// <summary>The task's output, for TaskSubmitted and TaskSucceeded.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Whether <see cref="Output"/> is part of the event.</summary>
    public bool HasOutput { get; init; }

    /// <summary>The error name, for the failure events.</summary>
    public string? Error { get; init; }

    /// <summary>The cause, for the failure events.</summary>
    public string? Cause { get; init; }

    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resource", Resource);
        if (HasOutput)
        {
            WriteData(writer, "output", Output);
        }

        WriteOptional(writer, "error", Error);
        WriteOptional(writer, "cause", Cause);
    }
}
