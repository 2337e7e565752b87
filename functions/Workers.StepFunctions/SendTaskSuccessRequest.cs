using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>SendTaskSuccess's request: completes a <c>.waitForTaskToken</c> task with a JSON output.</summary>
public sealed record SendTaskSuccessRequest
{
    /// <summary>The task token the state received.</summary>
    [JsonPropertyName("taskToken")]
    public required string TaskToken { get; init; }

    /// <summary>The task's output as a JSON text (at most 256 KiB).</summary>
    [JsonPropertyName("output")]
    public required string Output { get; init; }
}
