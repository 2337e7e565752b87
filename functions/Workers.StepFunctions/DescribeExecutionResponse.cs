using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>DescribeExecution's response (the fields a caller polls for; unknown fields are ignored).</summary>
public sealed record DescribeExecutionResponse
{
    /// <summary>The execution's ARN.</summary>
    [JsonPropertyName("executionArn")]
    public required string ExecutionArn { get; init; }

    /// <summary>The state machine's ARN.</summary>
    [JsonPropertyName("stateMachineArn")]
    public required string StateMachineArn { get; init; }

    /// <summary>The execution name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>One of <see cref="ExecutionStatus"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>When it started.</summary>
    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset StartDate { get; init; }

    /// <summary>When it ended, null while running.</summary>
    [JsonPropertyName("stopDate")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>The input JSON text.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }

    /// <summary>The output JSON text, only once it succeeded.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary>The error name of a failed execution.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The cause of a failed execution.</summary>
    [JsonPropertyName("cause")]
    public string? Cause { get; init; }

    /// <summary>The X-Ray trace header.</summary>
    [JsonPropertyName("traceHeader")]
    public string? TraceHeader { get; init; }

    /// <summary>The Map Run that started this child execution.</summary>
    [JsonPropertyName("mapRunArn")]
    public string? MapRunArn { get; init; }

    /// <summary>How many times it was redriven.</summary>
    [JsonPropertyName("redriveCount")]
    public int? RedriveCount { get; init; }

    /// <summary>The version of the machine that ran.</summary>
    [JsonPropertyName("stateMachineVersionArn")]
    public string? StateMachineVersionArn { get; init; }

    /// <summary>The alias the execution was started through.</summary>
    [JsonPropertyName("stateMachineAliasArn")]
    public string? StateMachineAliasArn { get; init; }
}
