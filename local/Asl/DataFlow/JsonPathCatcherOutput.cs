using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// A JSONPath catcher: the error output placed by the catcher's ResultPath (default <c>$</c>); its Assign reads the
/// error output as <c>$</c>.
/// </summary>
internal sealed class JsonPathCatcherOutput(ResultPlacement resultPath, JsonPathAssign? assign = null) : CatcherOutput
{
    public override JsonNode? Build(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) =>
        resultPath.Apply(visit, rawInput, errorOutput);

    public override StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) =>
        new(Build(visit, rawInput, errorOutput), assign?.Evaluate(visit, errorOutput));
}
