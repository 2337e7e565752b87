using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>DescribeExecution's request.</summary>
public sealed record DescribeExecutionRequest
{
    /// <summary>The execution to describe.</summary>
    [JsonPropertyName("executionArn")]
    public required string ExecutionArn { get; init; }

    /// <summary><c>ALL_DATA</c> (default) or <c>METADATA_ONLY</c>.</summary>
    [JsonPropertyName("includedData")]
    public string? IncludedData { get; init; }
}
