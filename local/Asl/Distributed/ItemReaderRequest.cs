using System.Text.Json.Nodes;

namespace Asl;

/// <summary>What a Distributed Map's ItemReader asks for: the resource, its ReaderConfig and its evaluated arguments.</summary>
public sealed record ItemReaderRequest(string Resource, JsonNode? ReaderConfig, JsonNode? Arguments, string ExecutionArn);
