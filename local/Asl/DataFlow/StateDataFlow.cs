using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// A state's data-flow stages, compiled per state for its query language: JSONPath (InputPath → Parameters →
/// ResultSelector → ResultPath → OutputPath) now, JSONata (Arguments → Output, Assign) next. States call only these.
/// </summary>
internal abstract class StateDataFlow
{
    /// <summary>Raw input → effective input (JSONPath: InputPath).</summary>
    public abstract JsonNode? SelectInput(in StateVisit visit, JsonNode? rawInput);

    /// <summary>Effective input → what the state works on (JSONPath: Parameters; JSONata: Arguments).</summary>
    public abstract JsonNode? BuildParameters(in StateVisit visit, JsonNode? effectiveInput);

    /// <summary>Raw input and result → state output (JSONPath: ResultSelector, ResultPath, OutputPath).</summary>
    public abstract JsonNode? BuildOutput(in StateVisit visit, JsonNode? rawInput, JsonNode? result);

    /// <summary>
    /// The output and the variables the state's Assign sets. For Pass, Choice, Wait and Succeed the result is the
    /// state's own value (Pass's result, the effective input). Assign reads variables as they were on state entry.
    /// </summary>
    public virtual StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? result) =>
        new(BuildOutput(visit, rawInput, result), null);
}
