using Asl;

namespace Asl.Tests.Validation;

public sealed class TransitionGraphTests
{
    [Fact]
    public void EnsureValid_MissingNextAndUnreachableState_ReportsBothInAwsMessage()
    {
        const string definition = """
            {"StartAt": "pass1", "States": {"pass1": {"Type": "Pass", "Next": "pass3"}, "pass2": {"Type": "Pass", "End": true}}}
            """;

        var exception = Assert.Throws<InvalidDefinitionException>(() => AslValidator.EnsureValid(definition, StateMachineType.Standard));

        Assert.Equal(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
            + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'",
            exception.Message);
    }

    [Fact]
    public void Validate_StartAtNamesNoState_IsMissingTarget()
    {
        const string definition = """{"StartAt": "Nowhere", "States": {"A": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Nowhere", "/StartAt"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"A\" is not reachable.", "/States/A"),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_LoopWithoutTerminalState_IsMissingEndStateWithoutLocation()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}""";

        var exception = Assert.Throws<InvalidDefinitionException>(() => AslValidator.EnsureValid(definition, StateMachineType.Standard));

        Assert.Equal("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'", exception.Message);
    }

    [Fact]
    public void Validate_LoopPlusUnreachableTerminal_IsUnreachableNotMissingEnd()
    {
        const string definition = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Pass", "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"C\" is not reachable.", "/States/C")], diagnostics);
    }

    [Fact]
    public void Validate_DanglingNextWithoutTerminal_ReportsTargetThenMissingEnd()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "NOPE"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: NOPE", "/States/A/Next"),
                new AslDiagnostic("MISSING_END_STATE", "Workflow has no terminal state", null),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_DanglingDefaultChoiceAndCatchTargets_AllSayNext()
    {
        const string definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X1"}], "Default": "X2"},
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "X3"}], "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: X1", "/States/C/Choices[0]/Next"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: X2", "/States/C/Default"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: X3", "/States/T/Catch[0]/Next"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"T\" is not reachable.", "/States/T"),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_NextIntoAnotherBranch_IsMissingTarget()
    {
        const string definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: B", "/States/P/Branches[0]/States/A/Next")], diagnostics);
    }

    [Fact]
    public void Validate_UnreachableStateInBranch_IsReportedAtItsPath()
    {
        const string definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "Lost": {"Type": "Pass", "End": true}}}]}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"Lost\" is not reachable.", "/States/P/Branches[0]/States/Lost")], diagnostics);
    }

    [Fact]
    public void Validate_SameStateNameInTwoBranches_IsDuplicateStateName()
    {
        const string definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("DUPLICATE_STATE_NAME", "Duplicate State name: A", "/States/P/Branches[1]/States/A")], diagnostics);
    }

    [Fact]
    public void Validate_DuplicateKeyInStates_IsDuplicateStateName()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("DUPLICATE_STATE_NAME", "Duplicate State name: A", "/States/A")], diagnostics);
    }
}
