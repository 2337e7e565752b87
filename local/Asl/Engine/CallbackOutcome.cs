using System.Text.Json.Nodes;

namespace Asl;

/// <summary>What SendTaskSuccess (output) or SendTaskFailure (error, cause) delivered.</summary>
internal sealed record CallbackOutcome(JsonNode? Output, string? Error, string? Cause);
