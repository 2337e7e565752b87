using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Places a caught error's <c>{"Error","Cause"}</c> in the state output (JSONPath: the catcher's ResultPath).</summary>
internal abstract class CatcherOutput
{
    public abstract JsonNode? Build(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput);
}
