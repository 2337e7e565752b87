using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>The body of an AWS JSON 1.0 error: <c>__type</c> (possibly <c>namespace#Code</c>) and a message.</summary>
internal sealed record AwsErrorDocument
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
