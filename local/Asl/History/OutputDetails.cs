using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details carrying one output: ExecutionSucceeded, LambdaFunctionSucceeded.</summary>
public sealed record OutputDetails(JsonNode? Output) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer) => WriteData(writer, "output", Output);
}
