using Asl;

namespace Asl.Tests.Validation;

public sealed class QueryLanguageTests
{
    [Fact]
    public void Validate_OutputOnJsonPathState_ReportsJsonataOnlyFieldAtTheState()
    {
        const string definition = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"a": 1}, "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", "/States/P")],
            diagnostics);
    }

    [Fact]
    public void Validate_InputPathOnJsonataState_ReportsJsonPathOnlyFieldAtTheField()
    {
        const string definition = """{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage", "/States/P/InputPath")],
            diagnostics);
    }

    [Fact]
    public void Validate_JsonPathStateInJsonataMachine_IsRejectedAlone()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "QueryLanguage": "JSONPath", "ResultPath": "$.x", "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", "/States/P")],
            diagnostics);
    }

    [Fact]
    public void Validate_UnknownQueryLanguage_ListsTheLanguages()
    {
        const string definition = """{"QueryLanguage": "XPath", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value should be one of the following: [JSONPath, JSONata]", "/QueryLanguage")], diagnostics);
    }

    [Fact]
    public void Validate_QueryLanguageOnItemProcessor_IsNotSupported()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'QueryLanguage' is not supported", "/States/M/ItemProcessor")], diagnostics);
    }

    [Fact]
    public void Validate_StatesInsideJsonataMap_InheritTheMachineLanguage()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input %}", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", "/States/M/ItemProcessor/States/P")],
            diagnostics);
    }

    [Fact]
    public void Validate_JsonataStateInJsonPathMachine_IsValid()
    {
        const string definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"v": "{% $states.input.a %}"}, "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_PathFieldInJsonataMap_IsJsonPathOnly()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrencyPath": "$.limit", "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'MaxConcurrencyPath' is only supported for the 'JSONPath' QueryLanguage", "/States/M/MaxConcurrencyPath")],
            diagnostics);
    }

    [Fact]
    public void Validate_JsonataExpressionInNumericField_IsAccepted()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": "{% $states.input.delay %}", "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_PlainStringInNumericJsonataField_ExpectsInteger()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": "ten", "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [INTEGER]", "/States/W/Seconds")], diagnostics);
    }

    [Fact]
    public void Validate_JsonPathChoiceOperatorInJsonataRule_IsJsonPathOnly()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
              {"Condition": "{% $states.input.ok %}", "Variable": "$.ok", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage", "/States/C/Choices[0]/Variable")],
            diagnostics);
    }

    [Fact]
    public void Validate_JsonataRuleWithoutCondition_RequiresCondition()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Condition]", "/States/C/Choices[0]")], diagnostics);
    }

    [Fact]
    public void Validate_CatcherResultPathInJsonataState_IsJsonPathOnly()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "F"}]}, "F": {"Type": "Fail"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage", "/States/T/Catch[0]/ResultPath")],
            diagnostics);
    }

    [Fact]
    public void Validate_DollarKeyInJsonataPayload_IsJsonPathOnly()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Arguments": {"FunctionName": "f", "Payload": {"order.$": "$.order"}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'order.$' is only supported for the 'JSONPath' QueryLanguage", "/States/T/Arguments/Payload/order.$")],
            diagnostics);
    }
}
