using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>SendTaskFailure's request: fails a <c>.waitForTaskToken</c> task with an error the ASL can catch.</summary>
public sealed record SendTaskFailureRequest
{
    /// <summary>The task token the state received.</summary>
    [JsonPropertyName("taskToken")]
    public required string TaskToken { get; init; }

    /// <summary>The error name (at most 256 characters) matched by <c>ErrorEquals</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>A description (at most 32768 characters).</summary>
    [JsonPropertyName("cause")]
    public string? Cause { get; init; }
}
