using System.Text.Json.Nodes;

namespace Asl;

/// <summary>One child execution of a Map Run, as a ResultWriter receives it.</summary>
public sealed record MapRunChildResult(
    string ExecutionArn,
    string Name,
    ExecutionStatus Status,
    JsonNode? Input,
    JsonNode? Output,
    string? Error,
    string? Cause,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate);
