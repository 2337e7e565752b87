using Asl;

namespace Asl.Tests.Validation;

public sealed class VariableTests
{
    private const string Template = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": ASSIGN, "End": true}}}""";

    private static IReadOnlyList<AslDiagnostic> ValidateAssign(string assign) =>
        AslValidator.Validate(Template.Replace("ASSIGN", assign, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void Validate_AssignToStates_IsReserved()
    {
        var diagnostics = ValidateAssign("{\"states\": 1}");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Variable name 'states' is reserved and cannot be assigned", "/States/P/Assign/states")], diagnostics);
    }

    [Fact]
    public void Validate_VariableNameStartingWithDigit_IsInvalid()
    {
        var diagnostics = ValidateAssign("{\"1st\": 1}");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Variable name '1st' is not valid", "/States/P/Assign/1st")], diagnostics);
    }

    [Fact]
    public void Validate_VariableNameLongerThan80_IsInvalid()
    {
        var name = new string('v', 81);

        var diagnostics = ValidateAssign($"{{\"{name}\": 1}}");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", $"Variable name '{name}' is not valid", $"/States/P/Assign/{name}")], diagnostics);
    }

    [Fact]
    public void Validate_JsonPathAssignWithPathsAndUnicodeNames_IsValid()
    {
        var diagnostics = ValidateAssign("{\"total.$\": \"$.total\", \"größe\": 3, \"_seen\": true, \"names.$\": \"States.Array($.a, $.b)\"}");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_AssignOnSucceed_IsNotSupported()
    {
        const string definition = """{"StartAt": "S", "States": {"S": {"Type": "Succeed", "Assign": {"x": 1}}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Assign' is not supported", "/States/S")], diagnostics);
    }

    [Fact]
    public void Validate_DollarKeyInJsonataAssign_IsReportedOnceAsJsonPathOnly()
    {
        const string definition = """{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"x.$": "$.x"}, "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The QueryLanguage is set to 'JSONata', but field 'x.$' is only supported for the 'JSONPath' QueryLanguage", "/States/P/Assign/x.$")],
            diagnostics);
    }

    [Fact]
    public void Validate_JsonataAssignInChoiceRuleAndCatcher_IsValid()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.ok %}", "Assign": {"seen": "{% $states.input %}"}, "Next": "D"}], "Default": "D"},
              "D": {"Type": "Succeed"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }
}
