using Asl;

namespace Asl.Tests.Validation;

public sealed class ChoiceTests
{
    private const string Template = """{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": CHOICES, "Default": "D"}, "D": {"Type": "Succeed"}}}""";

    [Fact]
    public void Validate_ChoiceWithoutChoices_RequiresChoices()
    {
        const string definition = """{"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D"}, "D": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Choices]", "/States/C")], diagnostics);
    }

    [Fact]
    public void Validate_EmptyChoices_NeedsAnItem()
    {
        var diagnostics = AslValidator.Validate(Template.Replace("CHOICES", "[]", StringComparison.Ordinal), StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Array should have at least 1 item", "/States/C/Choices")], diagnostics);
    }

    [Fact]
    public void Validate_TopLevelRuleWithoutNext_RequiresNext()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "$.a", "StringEquals": "x"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Next]", "/States/C/Choices[0]")], diagnostics);
    }

    [Fact]
    public void Validate_TwoOperatorsInOneRule_OnlyOneAllowed()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "$.a", "StringEquals": "x", "NumericEquals": 1, "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [StringEquals, NumericEquals]", "/States/C/Choices[0]")],
            diagnostics);
    }

    [Fact]
    public void Validate_VariableWithoutOperator_NeedsAComparison()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "$.a", "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "This rule should have exactly one comparison operator", "/States/C/Choices[0]")], diagnostics);
    }

    [Fact]
    public void Validate_OperatorWithoutVariable_RequiresVariable()
    {
        var definition = Template.Replace("CHOICES", """[{"IsPresent": true, "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Variable]", "/States/C/Choices[0]")], diagnostics);
    }

    [Fact]
    public void Validate_EmptyAnd_NeedsAnItem()
    {
        var definition = Template.Replace("CHOICES", """[{"And": [], "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Array should have at least 1 item", "/States/C/Choices[0]/And")], diagnostics);
    }

    [Fact]
    public void Validate_NextInsideNestedRule_IsNotSupported()
    {
        var definition = Template.Replace(
            "CHOICES", """[{"Or": [{"Variable": "$.a", "IsNull": true, "Next": "D"}], "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Next' is not supported", "/States/C/Choices[0]/Or[0]")], diagnostics);
    }

    [Fact]
    public void Validate_NumericOperatorWithString_ExpectsNumber()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "$.a", "NumericEquals": "1", "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [NUMBER]", "/States/C/Choices[0]/NumericEquals")], diagnostics);
    }

    [Fact]
    public void Validate_TimestampOperatorWithBadTimestamp_IsRejected()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "$.t", "TimestampEquals": "2016-03-14 01:59:00", "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a valid ISO-8601 timestamp", "/States/C/Choices[0]/TimestampEquals")], diagnostics);
    }

    [Fact]
    public void Validate_VariableThatIsNotAPath_IsNotAReferencePath()
    {
        var definition = Template.Replace("CHOICES", """[{"Variable": "a.b", "IsPresent": true, "Next": "D"}]""", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a Reference Path", "/States/C/Choices[0]/Variable")], diagnostics);
    }

    [Fact]
    public void Validate_ContextAndVariablePathsInRules_AreValid()
    {
        var definition = Template.Replace(
            "CHOICES",
            """
            [{"And": [{"Variable": "$$.Execution.Name", "StringMatches": "order-*"}, {"Not": {"Variable": "$count", "NumericGreaterThanPath": "$.limit"}}], "Next": "D"},
             {"Variable": "$.when", "TimestampLessThan": "2026-11-21T20:00:00Z", "Next": "D"}]
            """,
            StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }
}
