using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>StartExecution's request. For STANDARD machines a repeated name with the same input is absorbed.</summary>
public sealed record StartExecutionRequest
{
    /// <summary>The state machine to run.</summary>
    [JsonPropertyName("stateMachineArn")]
    public required string StateMachineArn { get; init; }

    /// <summary>The execution name (1-80 characters), unique per machine for 90 days.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The input as a JSON text; Step Functions uses <c>{}</c> when absent.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }

    /// <summary>An X-Ray trace header to continue.</summary>
    [JsonPropertyName("traceHeader")]
    public string? TraceHeader { get; init; }
}
