using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A JSONata catcher: Output (default: the error output) and Assign, both reading <c>$states.errorOutput</c>.</summary>
internal sealed class JsonataCatcherOutput(JsonataTemplate? output, JsonataAssign? assign) : CatcherOutput
{
    public override JsonNode? Build(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) => Complete(visit, rawInput, errorOutput).Output;

    public override StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) =>
        output is null && assign is null
            ? new(errorOutput, null)
            : JsonataDataFlow.Complete(visit, new JsonataStates(rawInput) { ErrorOutput = errorOutput, HasErrorOutput = true }, output, assign, errorOutput);
}
