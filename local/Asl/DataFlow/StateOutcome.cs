using System.Text.Json.Nodes;

namespace Asl;

/// <summary>What a state hands on when it exits: its output and the variables its Assign evaluated (null when none).</summary>
internal readonly record struct StateOutcome(JsonNode? Output, IReadOnlyDictionary<string, JsonNode?>? Assigned);
