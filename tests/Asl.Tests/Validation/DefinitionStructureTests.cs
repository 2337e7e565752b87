using Asl;

namespace Asl.Tests.Validation;

public sealed class DefinitionStructureTests
{
    [Fact]
    public void Validate_EmptyObject_RequiresStatesAndStartAt()
    {
        var diagnostics = AslValidator.Validate("{}", StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [States, StartAt]", "/")], diagnostics);
    }

    [Fact]
    public void Validate_MissingStates_ReportsAwsInvalidDefinitionMessage()
    {
        var exception = Assert.Throws<InvalidDefinitionException>(() =>
            AslValidator.EnsureValid("""{"StartAt": "A"}""", StateMachineType.Standard));

        Assert.Equal("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'", exception.Message);
    }

    [Fact]
    public void Validate_MissingStartAt_RequiresStartAt()
    {
        var diagnostics = AslValidator.Validate("""{"States": {"A": {"Type": "Succeed"}}}""", StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt]", "/")], diagnostics);
    }

    [Fact]
    public void Validate_EmptyString_IsNotAJsonObject()
    {
        var diagnostics = AslValidator.Validate("", StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null)], diagnostics);
    }

    [Fact]
    public void Validate_JsonArray_IsNotAJsonObject()
    {
        var diagnostics = AslValidator.Validate("[1, 2]", StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null)], diagnostics);
    }

    [Fact]
    public void Validate_UnknownTopLevelField_IsNotSupported()
    {
        const string definition = """{"StartAt": "A", "Foo": 1, "States": {"A": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Foo' is not supported", "/")], diagnostics);
    }

    [Fact]
    public void Validate_StartAtNotAString_ReportsExpectedType()
    {
        const string definition = """{"StartAt": 1, "States": {"A": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [STRING]", "/StartAt")], diagnostics);
    }

    [Fact]
    public void Validate_UnknownStateField_IsNotSupportedAtTheState()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Foo": 1, "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Foo' is not supported", "/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_StateWithoutType_RequiresType()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Type]", "/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_UnknownType_ListsTheStateTypes()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Sleep", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value should be one of the following: [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]", "/States/A/Type")],
            diagnostics);
    }

    [Fact]
    public void Validate_StateNotAnObject_ReportsExpectedType()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": 3}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [OBJECT]", "/States/B"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"B\" is not reachable.", "/States/B"),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_StateNameLongerThan80_IsInvalidStateName()
    {
        var name = new string('s', 81);
        var definition = """{"StartAt": "NAME", "States": {"NAME": {"Type": "Succeed"}}}""".Replace("NAME", name, StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("INVALID_STATE_NAME", "State name is longer than 80 characters", $"/States/{name}")], diagnostics);
    }

    [Fact]
    public void Validate_NextAndEndTogether_OnlyOneAllowed()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true}, "B": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Next, End]", "/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_NeitherNextNorEnd_OneRequired()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass"}, "B": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "This object should have only one of the following fields: [Next, End]", "/States/A"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"B\" is not reachable.", "/States/B"),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_EndNotBoolean_ReportsExpectedType()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": "yes"}, "B": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [BOOLEAN]", "/States/A/End")], diagnostics);
    }

    [Theory]
    [InlineData("Succeed")]
    [InlineData("Fail")]
    public void Validate_TerminalStateWithNext_NextIsNotSupported(string type)
    {
        var definition = """{"StartAt": "A", "States": {"A": {"Type": "TYPE", "Next": "A"}}}""".Replace("TYPE", type, StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Next' is not supported", "/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_ResultOnTask_IsNotSupported()
    {
        const string definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Result": {}, "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Result' is not supported", "/States/T")], diagnostics);
    }

    [Theory]
    [InlineData("Pass")]
    [InlineData("Map")]
    [InlineData("Parallel")]
    public void Validate_TimeoutSecondsOffTask_IsNotSupported(string type)
    {
        var definition = """{"StartAt": "A", "States": {"A": {"Type": "TYPE", "TimeoutSeconds": 5, "Next": "B"}, "B": {"Type": "Succeed"}}}""".Replace("TYPE", type, StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Contains(new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'TimeoutSeconds' is not supported", "/States/A"), diagnostics);
    }

    [Fact]
    public void Validate_CatchOnPass_IsNotSupported()
    {
        const string definition = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}], "Next": "B"}, "B": {"Type": "Succeed"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Catch' is not supported", "/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_ChoiceWithEnd_EndIsNotSupported()
    {
        const string definition = """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "End": true, "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'End' is not supported", "/States/C")], diagnostics);
    }

    [Fact]
    public void Validate_TaskWithoutResource_RequiresResource()
    {
        const string definition = """{"StartAt": "T", "States": {"T": {"Type": "Task", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Resource]", "/States/T")], diagnostics);
    }

    [Fact]
    public void Validate_ResourceNotAnArn_IsRejected()
    {
        const string definition = """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "my-function", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a valid resource ARN", "/States/T/Resource")], diagnostics);
    }
}
