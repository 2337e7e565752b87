using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Compiles the language-specific parts of a state once, at definition time. One implementation per QueryLanguage;
/// the state types only see the compiled abstractions.
/// </summary>
internal abstract class QueryLanguageCompiler
{
    public abstract StateDataFlow CompileDataFlow(JsonObject state, string stateType);

    public abstract CatcherOutput CompileCatcherOutput(JsonObject catcher);

    public abstract ChoiceCondition CompileCondition(JsonObject rule);

    /// <summary>A matched Choice rule's own data flow when it carries Assign (or, in JSONata, Output); else null.</summary>
    public abstract StateDataFlow? CompileRuleFlow(JsonObject state, JsonObject rule);

    /// <summary>A literal field or its <c>Path</c> variant; null when neither is present.</summary>
    public abstract FieldValue? CompileField(JsonObject state, string field);

    /// <summary>The Map's items (JSONPath: ItemsPath on the effective input).</summary>
    public abstract FieldValue CompileItems(JsonObject state);

    /// <summary>Map ItemSelector (or legacy Parameters); null when absent.</summary>
    public abstract ItemSelector? CompileItemSelector(JsonObject state);

    /// <summary>A plain payload (ItemReader Parameters/Arguments, ResultWriter, BatchInput).</summary>
    public abstract ItemSelector? CompilePayload(JsonNode? payload);
}
