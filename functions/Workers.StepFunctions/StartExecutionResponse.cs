using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>StartExecution's response.</summary>
public sealed record StartExecutionResponse
{
    /// <summary>The execution's ARN.</summary>
    [JsonPropertyName("executionArn")]
    public required string ExecutionArn { get; init; }

    /// <summary>When the execution started.</summary>
    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset StartDate { get; init; }
}
