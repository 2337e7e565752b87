using System.Text.Json.Nodes;

namespace Asl;

/// <summary>What a Distributed Map's ResultWriter is given: where to write and every child's result, in item order.</summary>
public sealed record ResultWriterRequest(string Resource, JsonNode? Arguments, string MapRunArn, IReadOnlyList<MapRunChildResult> Results);
