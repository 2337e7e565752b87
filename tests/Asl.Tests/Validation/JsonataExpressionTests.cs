using Asl;

namespace Asl.Tests.Validation;

public sealed class JsonataExpressionTests
{
    private const string Template = """{"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Output": {"v": "EXPR"}, "End": true}}}""";

    private static IReadOnlyList<AslDiagnostic> ValidateOutput(string expression) =>
        AslValidator.Validate(Template.Replace("EXPR", expression, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void EnsureValid_BareFieldAtTopLevel_IsUnsupportedJsonata()
    {
        var definition = Template.Replace("EXPR", "{% phone %}", StringComparison.Ordinal);

        var exception = Assert.Throws<InvalidDefinitionException>(() => AslValidator.EnsureValid(definition, StateMachineType.Standard));

        Assert.Equal(
            "Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at /States/E/Output/v'",
            exception.Message);
    }

    [Theory]
    [InlineData("{% phone[0].number %}")]
    [InlineData("{% $sum(phone) %}")]
    [InlineData("{% [phone].other %}")]
    [InlineData("{% ($x := phone; $x) %}")]
    [InlineData("{% $map($states.input.a, function($y){ phone }) %}")]
    public void Validate_TopLevelReadAnywhereInTheExpression_NamesTheField(string expression)
    {
        var diagnostics = ValidateOutput(expression);

        Assert.Equal([new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to 'phone' at the top level is not supported.", "/States/E/Output/v")], diagnostics);
    }

    [Fact]
    public void Validate_ContextItem_IsNamedDollar()
    {
        var diagnostics = ValidateOutput("{% $.phone %}");

        Assert.Equal([new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to '$' at the top level is not supported.", "/States/E/Output/v")], diagnostics);
    }

    [Fact]
    public void Validate_RootReference_IsUnsupported()
    {
        var diagnostics = ValidateOutput("{% $$.phone %}");

        Assert.Equal([new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to '$$' is not supported.", "/States/E/Output/v")], diagnostics);
    }

    [Theory]
    [InlineData("{% $states.input.phone %}")]
    [InlineData("{% $states.input.items[phone > 3] %}")]
    [InlineData("{% $phone %}")]
    [InlineData("{% **.phone %}")]
    [InlineData("{% function($x){ $x.phone } %}")]
    [InlineData("{% 'phone' & $string(1 + 1) %}")]
    public void Validate_AnchoredReferences_AreValid(string expression)
    {
        var diagnostics = ValidateOutput(expression);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_UnparsableExpression_IsInvalidJsonata()
    {
        var diagnostics = ValidateOutput("{% $states.input.a[1,2) %}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("INVALID_JSONATA_EXPRESSION", "/States/E/Output/v"), (diagnostic.Code, diagnostic.Location));
    }

    [Fact]
    public void Validate_ErrorOutputOutsideCatcher_DoesNotExist()
    {
        var diagnostics = ValidateOutput("{% $states.errorOutput.Cause %}");

        Assert.Equal([new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Field '$states.errorOutput' does not exist.", "/States/E/Output/v")], diagnostics);
    }

    [Fact]
    public void Validate_ErrorOutputInCatcherOutputAndAssign_IsValid()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
              "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"error": "{% $states.errorOutput.Error %}"}, "Assign": {"cause": "{% $states.errorOutput.Cause %}"}, "Next": "F"}]},
              "F": {"Type": "Fail", "Error": "{% $cause %}"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_ExpressionsInEveryJsonataField_AreChecked()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% items %}", "MaxConcurrency": "{% $states.input.n %}", "End": true,
              "ItemProcessor": {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% ok %}", "Next": "S"}], "Default": "S"},
                "S": {"Type": "Succeed"}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to 'items' at the top level is not supported.", "/States/M/Items"),
                new AslDiagnostic("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to 'ok' at the top level is not supported.", "/States/M/ItemProcessor/States/C/Choices[0]/Condition"),
            ],
            diagnostics);
    }
}
