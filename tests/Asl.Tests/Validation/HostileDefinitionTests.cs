using System.Text;
using Asl;

namespace Asl.Tests.Validation;

public sealed class HostileDefinitionTests
{
    [Fact]
    public void Validate_TenThousandChainedStates_IsValid()
    {
        var states = string.Join(", ", Enumerable.Range(0, 9_999).Select(i => $"\"S{i}\": {{\"Type\": \"Pass\", \"Next\": \"S{i + 1}\"}}"));
        var definition = $"{{\"StartAt\": \"S0\", \"States\": {{{states}, \"S9999\": {{\"Type\": \"Succeed\"}}}}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_TenThousandBrokenStates_ReportsEachOne()
    {
        var states = string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"\"S{i}\": {{\"Type\": \"Pass\", \"End\": true, \"Bad\": 1}}"));
        var definition = $"{{\"StartAt\": \"S0\", \"States\": {{{states}}}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(10_000 + 9_999, diagnostics.Count);
        Assert.Equal(new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Bad' is not supported", "/States/S9999"), diagnostics[9_999]);
    }

    [Fact]
    public void Validate_ParallelNested150Deep_IsValid()
    {
        var definition = NestedParallel(150);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_JsonNestedBeyondParserLimit_IsInvalidJsonNotACrash()
    {
        var definition = "{\"StartAt\": \"A\", \"States\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var diagnostic = Assert.Single(AslValidator.Validate(definition, StateMachineType.Standard));

        Assert.Equal("INVALID_JSON_DESCRIPTION", diagnostic.Code);
        Assert.StartsWith("Document nesting depth exceeds the maximum allowed (1000)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChoiceRuleNested400Deep_IsValid()
    {
        var rule = string.Concat(Enumerable.Repeat("{\"Not\": ", 400)) + "{\"Variable\": \"$.a\", \"IsPresent\": true}" + new string('}', 400);
        var definition = "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"Not\": " + rule
            + ", \"Next\": \"D\"}]}, \"D\": {\"Type\": \"Succeed\"}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_DefinitionOverOneMebibyte_ReportsTheLengthLimit()
    {
        var definition = "{\"Comment\": \"" + new string('x', AslValidator.MaxDefinitionLength) + "\"}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic(
                    "SCHEMA_VALIDATION_FAILED",
                    "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576",
                    null),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_LoneSurrogateInStateName_DoesNotCrash()
    {
        const string definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"\uD800\"}, \"\uD800\": {\"Type\": \"Succeed\"}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_JsonataNested100000Deep_IsADiagnosticNotAStackOverflow()
    {
        var expression = new string('(', 100_000) + "1" + new string(')', 100_000);
        var definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"E\", \"States\": {\"E\": {\"Type\": \"Pass\", \"Output\": \"{% " + expression
            + " %}\", \"End\": true}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("INVALID_JSONATA_EXPRESSION", "Expression is nested too deeply", "/States/E/Output")], diagnostics);
    }

    [Fact]
    public void Validate_JsonataNested5000Deep_StillParses()
    {
        var expression = new string('-', 5_000) + "$states.input.n";
        var definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"E\", \"States\": {\"E\": {\"Type\": \"Pass\", \"Output\": \"{% " + expression
            + " %}\", \"End\": true}}}";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    private static string NestedParallel(int depth)
    {
        var inner = new StringBuilder("{\"StartAt\": \"Leaf\", \"States\": {\"Leaf\": {\"Type\": \"Pass\", \"End\": true}}}");
        for (var level = 0; level < depth; level++)
        {
            inner.Insert(0, $"{{\"StartAt\": \"P{level}\", \"States\": {{\"P{level}\": {{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [");
            inner.Append("]}}}");
        }

        return inner.ToString();
    }
}
