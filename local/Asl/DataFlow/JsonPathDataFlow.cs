using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>JSONPath data flow: InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath.</summary>
internal sealed class JsonPathDataFlow(
    InputOutputPath inputPath,
    CompiledTemplate? parameters,
    CompiledTemplate? resultSelector,
    ResultPlacement resultPath,
    InputOutputPath outputPath,
    JsonPathAssign? assign = null) : StateDataFlow
{
    public override JsonNode? SelectInput(in StateVisit visit, JsonNode? rawInput) => inputPath.Apply(visit, rawInput);

    public override JsonNode? BuildParameters(in StateVisit visit, JsonNode? effectiveInput) =>
        parameters is null ? effectiveInput : Evaluate(visit, parameters, effectiveInput);

    public override JsonNode? BuildOutput(in StateVisit visit, JsonNode? rawInput, JsonNode? result) => Complete(visit, rawInput, result).Output;

    public override StateOutcome Complete(in StateVisit visit, JsonNode? rawInput, JsonNode? result)
    {
        var selected = resultSelector is null ? result : Evaluate(visit, resultSelector, result);
        var assigned = assign?.Evaluate(visit, selected);
        return new(outputPath.Apply(visit, resultPath.Apply(visit, rawInput, selected)), assigned);
    }

    /// <summary>ResultSelector, then ResultPath, each value kept: what TestState reports as its inspection data.</summary>
    public (JsonNode? AfterResultSelector, JsonNode? AfterResultPath) ResultStages(in StateVisit visit, JsonNode? rawInput, JsonNode? result)
    {
        var selected = resultSelector is null ? result : Evaluate(visit, resultSelector, result);
        return (selected, resultPath.Apply(visit, rawInput, selected));
    }

    private static JsonNode? Evaluate(in StateVisit visit, CompiledTemplate template, JsonNode? input)
    {
        try
        {
            return template.Template.Evaluate(visit.Paths(input, template.UsesContext));
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }
    }
}
