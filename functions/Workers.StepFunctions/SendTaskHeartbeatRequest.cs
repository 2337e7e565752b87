using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>SendTaskHeartbeat's request: resets the task's HeartbeatSeconds clock.</summary>
public sealed record SendTaskHeartbeatRequest
{
    /// <summary>The task token the state received.</summary>
    [JsonPropertyName("taskToken")]
    public required string TaskToken { get; init; }
}
