using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Places a caught error's <c>{"Error","Cause"}</c> in the state output (JSONPath: the catcher's ResultPath).</summary>
internal abstract class CatcherOutput
{
    public abstract JsonNode? Build(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput);

    /// <summary>The output and the catcher's own Assign, which replaces the state's top-level Assign on error.</summary>
    public virtual StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? errorOutput) =>
        new(Build(visit, rawInput, errorOutput), null);
}
