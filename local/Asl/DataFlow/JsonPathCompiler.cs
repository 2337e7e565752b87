using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>The JSONPath query language: paths, payload templates with <c>.$</c> keys and intrinsic functions.</summary>
internal sealed class JsonPathCompiler : QueryLanguageCompiler
{
    public static readonly JsonPathCompiler Instance = new();

    public override StateDataFlow CompileDataFlow(JsonObject state, string stateType)
    {
        var parameters = stateType is "Task" or "Pass" or "Parallel" && state.TryGetPropertyValue("Parameters", out var template)
            ? CompileTemplate(template)
            : null;
        var resultSelector = stateType is "Task" or "Map" or "Parallel" && state.TryGetPropertyValue("ResultSelector", out var selector)
            ? CompileTemplate(selector)
            : null;
        var hasResultPath = stateType is "Task" or "Pass" or "Map" or "Parallel";
        return new JsonPathDataFlow(
            InputOutputPath.Compile(state, "InputPath"),
            parameters,
            resultSelector,
            hasResultPath ? ResultPlacement.Compile(state) : ResultPlacement.Replace,
            InputOutputPath.Compile(state, "OutputPath"),
            JsonPathAssign.Compile(state["Assign"]));
    }

    public override CatcherOutput CompileCatcherOutput(JsonObject catcher) =>
        new JsonPathCatcherOutput(ResultPlacement.Compile(catcher), JsonPathAssign.Compile(catcher["Assign"]));

    public override StateDataFlow? CompileRuleFlow(JsonObject state, JsonObject rule)
    {
        if (!rule.ContainsKey("Assign"))
        {
            return null;
        }

        // The rule's Assign replaces the state's; InputPath and OutputPath stay the state's.
        var merged = new JsonObject();
        foreach (var (name, value) in state)
        {
            if (name != "Assign")
            {
                merged[name] = value?.DeepClone();
            }
        }

        merged["Assign"] = rule["Assign"]?.DeepClone();
        return CompileDataFlow(merged, "Choice");
    }

    public override ChoiceCondition CompileCondition(JsonObject rule) => JsonPathConditions.Compile(rule);

    public override FieldValue? CompileField(JsonObject state, string field)
    {
        if (state.TryGetPropertyValue(field, out var literal))
        {
            return new JsonPathFieldValue(field, literal?.DeepClone(), null, null);
        }

        var pathField = field + "Path";
        if (state[pathField] is not JsonValue pathValue || !pathValue.TryGetValue<string>(out var text))
        {
            return null;
        }

        return IntrinsicFunction.IsIntrinsic(text)
            ? new JsonPathFieldValue(pathField, null, null, new CompiledIntrinsic(IntrinsicFunction.Parse(text), text))
            : new JsonPathFieldValue(pathField, null, new CompiledPath(JsonPathExpression.Parse(text)), null);
    }

    public override FieldValue CompileItems(JsonObject state)
    {
        var text = state["ItemsPath"]?.GetValue<string>() ?? "$";
        return new JsonPathFieldValue("ItemsPath", null, text == "$" ? null : new CompiledPath(JsonPathExpression.Parse(text)), null, identity: text == "$");
    }

    public override ItemSelector? CompileItemSelector(JsonObject state)
    {
        var template = state.TryGetPropertyValue("ItemSelector", out var selector) ? selector
            : state.TryGetPropertyValue("Parameters", out var legacy) ? legacy
            : null;
        return template is null ? null : new JsonPathItemSelector(CompileTemplate(template));
    }

    public override ItemSelector? CompilePayload(JsonNode? payload) => payload is null ? null : new JsonPathItemSelector(CompileTemplate(payload));

    internal static CompiledTemplate CompileTemplate(JsonNode? template) =>
        new(PayloadTemplate.Compile(template), template?.ToJsonString().Contains("$$", StringComparison.Ordinal) == true);
}
