using Asl;

namespace Asl.Tests.Validation;

public sealed class TaskFieldTests
{
    private const string Template = """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", FIELDS, "End": true}}}""";

    private static IReadOnlyList<AslDiagnostic> ValidateTask(string fields) =>
        AslValidator.Validate(Template.Replace("FIELDS", fields, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void Validate_TimeoutSecondsZero_BelowMinimum()
    {
        var diagnostics = ValidateTask("\"TimeoutSeconds\": 0");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Minimum value is 1", "/States/T/TimeoutSeconds")], diagnostics);
    }

    [Fact]
    public void Validate_TimeoutSecondsFractional_ExpectsInteger()
    {
        var diagnostics = ValidateTask("\"TimeoutSeconds\": 1.5");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Expected value of type [INTEGER]", "/States/T/TimeoutSeconds")], diagnostics);
    }

    [Fact]
    public void Validate_TimeoutAndTimeoutPath_OnlyOneAllowed()
    {
        var diagnostics = ValidateTask("\"TimeoutSeconds\": 10, \"TimeoutSecondsPath\": \"$.timeout\"");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath]", "/States/T/TimeoutSeconds")],
            diagnostics);
    }

    [Fact]
    public void Validate_HeartbeatNotBelowTimeout_IsRejected()
    {
        var diagnostics = ValidateTask("\"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 10");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "HeartbeatSeconds must be smaller than TimeoutSeconds", "/States/T/HeartbeatSeconds")], diagnostics);
    }

    [Fact]
    public void Validate_InvalidInputPath_MustBeValidJsonPath()
    {
        var diagnostics = ValidateTask("\"InputPath\": \"$.a[\"");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The value for the field 'InputPath' must be a valid JSONPath", "/States/T/InputPath")], diagnostics);
    }

    [Fact]
    public void Validate_ResultPathIntoContext_IsNotAReferencePath()
    {
        var diagnostics = ValidateTask("\"ResultPath\": \"$$.Execution\"");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a Reference Path", "/States/T/ResultPath")], diagnostics);
    }

    [Fact]
    public void Validate_NullPaths_AreValid()
    {
        var diagnostics = ValidateTask("\"InputPath\": null, \"ResultPath\": null, \"OutputPath\": null");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_ParameterWithBadPath_NamesTheField()
    {
        var diagnostics = ValidateTask("\"Parameters\": {\"Payload\": {\"id.$\": \"order.id\"}}");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The value for the field 'id.$' must be a valid JSONPath or a valid intrinsic function call", "/States/T/Parameters")],
            diagnostics);
    }

    [Fact]
    public void Validate_ParameterWithBadIntrinsic_NamesTheField()
    {
        var diagnostics = ValidateTask("\"Parameters\": {\"Message.$\": \"States.Format('{}', $.a\"}");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The value for the field 'Message.$' must be a valid JSONPath or a valid intrinsic function call", "/States/T/Parameters")],
            diagnostics);
    }

    [Fact]
    public void Validate_DuplicateKeyAfterRenaming_IsRejected()
    {
        var diagnostics = ValidateTask("\"ResultSelector\": {\"id\": 1, \"id.$\": \"$.id\"}");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The field 'id' is specified more than once after '.$' is removed", "/States/T/ResultSelector")], diagnostics);
    }

    [Fact]
    public void Validate_TemplateWithPathsContextVariablesAndIntrinsics_IsValid()
    {
        var diagnostics = ValidateTask(
            "\"Parameters\": {\"FunctionName\": \"arn:aws:lambda:us-east-1:1:function:f\", \"Payload\": {\"order.$\": \"$.order\", \"token.$\": \"$$.Task.Token\", "
            + "\"total.$\": \"$total\", \"message.$\": \"States.Format('Order {}', $.id)\", \"literal\": \"$.kept\"}}");

        Assert.Empty(diagnostics);
    }
}
