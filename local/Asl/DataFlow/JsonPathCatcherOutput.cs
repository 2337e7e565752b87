using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A JSONPath catcher: the error output placed by the catcher's ResultPath (default <c>$</c>).</summary>
internal sealed class JsonPathCatcherOutput(ResultPlacement resultPath) : CatcherOutput
{
    public override JsonNode? Build(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) =>
        resultPath.Apply(visit, rawInput, errorOutput);
}
