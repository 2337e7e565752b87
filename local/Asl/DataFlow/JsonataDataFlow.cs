using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// JSONata data flow: no InputPath/ResultPath stages; Arguments builds what the state works on, Output what it hands
/// on (default: the result for Task/Map/Parallel, else the input), Assign the variables, all reading
/// <c>$states</c>.
/// </summary>
internal sealed class JsonataDataFlow(JsonataTemplate? arguments, JsonataTemplate? output, JsonataAssign? assign, bool exposesResult) : StateDataFlow
{
    public override JsonNode? SelectInput(in StateVisit visit, JsonNode? rawInput) => rawInput;

    public override JsonNode? BuildParameters(in StateVisit visit, JsonNode? effectiveInput) =>
        arguments is null ? effectiveInput : arguments.Evaluate(visit, new JsonataStates(effectiveInput));

    public override JsonNode? BuildOutput(in StateVisit visit, JsonNode? rawInput, JsonNode? result) => Complete(visit, rawInput, result).Output;

    public override StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? result)
    {
        var fallback = exposesResult ? result : rawInput;
        if (output is null && assign is null)
        {
            return new(fallback, null);
        }

        var states = exposesResult ? new JsonataStates(rawInput) { Result = result, HasResult = true } : new JsonataStates(rawInput);
        return Complete(visit, states, output, assign, fallback);
    }

    /// <summary>Evaluates Assign and Output against one binding of <c>$states</c> and the variables as on state entry.</summary>
    public static StateOutcome Complete(in StateVisit visit, in JsonataStates states, JsonataTemplate? output, JsonataAssign? assign, JsonNode? fallback)
    {
        var bindings = JsonataEnvironment.Bind(visit, states);
        var options = JsonataEnvironment.Options(visit);
        var assigned = assign?.Evaluate(visit, bindings, options);
        return new(output is null ? fallback : output.Evaluate(visit, bindings, options), assigned);
    }
}
