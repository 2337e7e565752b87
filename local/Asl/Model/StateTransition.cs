using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A state's outcome: its output and the next state (null when its block ends).</summary>
internal readonly record struct StateTransition(JsonNode? Output, StateNode? Next);
