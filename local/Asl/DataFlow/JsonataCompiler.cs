using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// The JSONata query language: Arguments, Output, Assign, Condition, Items and <c>{% %}</c> fields, compiled once.
/// Field paths for error causes follow AWS: <c>Output/a/b</c>, <c>Choices[1]/Output</c>, <c>Catch[0]/Assign/x</c>.
/// </summary>
internal sealed class JsonataCompiler : QueryLanguageCompiler
{
    public static readonly JsonataCompiler Instance = new();

    public override StateDataFlow CompileDataFlow(JsonObject state, string stateType) =>
        new JsonataDataFlow(
            stateType is "Task" or "Parallel" ? Optional(state, "Arguments", "Arguments") : null,
            stateType == "Fail" ? null : Optional(state, "Output", "Output"),
            JsonataAssign.Compile(state["Assign"], "Assign"),
            exposesResult: stateType is "Task" or "Map" or "Parallel");

    public override CatcherOutput CompileCatcherOutput(JsonObject catcher)
    {
        var prefix = $"Catch[{IndexOf(catcher)}]";
        return new JsonataCatcherOutput(Optional(catcher, "Output", $"{prefix}/Output"), JsonataAssign.Compile(catcher["Assign"], $"{prefix}/Assign"));
    }

    public override ChoiceCondition CompileCondition(JsonObject rule) =>
        new JsonataCondition(JsonataTemplate.Compile(rule["Condition"], $"Choices[{IndexOf(rule)}]/Condition"));

    public override StateDataFlow? CompileRuleFlow(JsonObject state, JsonObject rule)
    {
        if (!rule.ContainsKey("Output") && !rule.ContainsKey("Assign"))
        {
            return null;
        }

        var prefix = $"Choices[{IndexOf(rule)}]";
        var output = rule.ContainsKey("Output") ? Optional(rule, "Output", $"{prefix}/Output") : Optional(state, "Output", "Output");
        var assign = rule.ContainsKey("Assign") ? JsonataAssign.Compile(rule["Assign"], $"{prefix}/Assign") : JsonataAssign.Compile(state["Assign"], "Assign");
        return new JsonataDataFlow(null, output, assign, exposesResult: false);
    }

    public override FieldValue? CompileField(JsonObject state, string field) =>
        state.TryGetPropertyValue(field, out var value) ? new JsonataFieldValue(field, JsonataTemplate.Compile(value, field)) : null;

    public override FieldValue CompileItems(JsonObject state) =>
        CompileField(state, "Items") ?? JsonPathCompiler.Instance.CompileItems([]);

    public override ItemSelector? CompileItemSelector(JsonObject state) =>
        state.TryGetPropertyValue("ItemSelector", out var selector) ? new JsonataItemSelector(JsonataTemplate.Compile(selector, "ItemSelector")) : null;

    public override ItemSelector? CompilePayload(JsonNode? payload) =>
        payload is null ? null : new JsonataItemSelector(JsonataTemplate.Compile(payload, FieldPath(payload)));

    private static JsonataTemplate? Optional(JsonObject owner, string name, string field) =>
        owner.TryGetPropertyValue(name, out var value) ? JsonataTemplate.Compile(value, field) : null;

    private static int IndexOf(JsonNode entry) => entry.Parent is JsonArray array ? array.IndexOf(entry) : 0;

    // A payload nested in ItemReader, ResultWriter or ItemBatcher is named like "ItemReader/Arguments".
    private static string FieldPath(JsonNode payload) =>
        payload.Parent is { Parent: JsonObject } container ? $"{container.GetPropertyName()}/{payload.GetPropertyName()}" : payload.GetPropertyName();
}
