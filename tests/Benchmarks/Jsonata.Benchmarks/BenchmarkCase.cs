using System.Text.Json.Nodes;

namespace Jsonata.Benchmarks;

/// <summary>One expression evaluated repeatedly against one input.</summary>
internal sealed record BenchmarkCase(string Name, string Expression, JsonNode Input);
