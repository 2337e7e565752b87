using Asl;

namespace Asl.Tests.Validation;

public sealed class ExpressTests
{
    private const string Template = """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "RESOURCE", "End": true}}}""";

    [Fact]
    public void EnsureValid_ExpressWithSync_ReportsAwsMessage()
    {
        var definition = Template.Replace("RESOURCE", "arn:aws:states:::states:startExecution.sync:2", StringComparison.Ordinal);

        var exception = Assert.Throws<InvalidDefinitionException>(() => AslValidator.EnsureValid(definition, StateMachineType.Express));

        Assert.Equal(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/T/Resource'",
            exception.Message);
    }

    [Fact]
    public void EnsureValid_ExpressWithWaitForTaskToken_KeepsAwsDoubleSpace()
    {
        var definition = Template.Replace("RESOURCE", "arn:aws:states:::sqs:sendMessage.waitForTaskToken", StringComparison.Ordinal);

        var exception = Assert.Throws<InvalidDefinitionException>(() => AslValidator.EnsureValid(definition, StateMachineType.Express));

        Assert.Equal(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/T/Resource'",
            exception.Message);
    }

    [Fact]
    public void Validate_ExpressWithActivity_IsRejected()
    {
        var definition = Template.Replace("RESOURCE", "arn:aws:states:us-east-1:123456789012:activity:approve", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Express);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Express state machine does not support Activity ARN", "/States/T/Resource")], diagnostics);
    }

    [Fact]
    public void Validate_ExpressInsideMap_IsRejectedAtTheNestedResource()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Express);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Express state machine does not support '.sync' service integration", "/States/M/ItemProcessor/States/T/Resource")],
            diagnostics);
    }

    [Theory]
    [InlineData("arn:aws:states:::states:startExecution.sync:2")]
    [InlineData("arn:aws:states:::sqs:sendMessage.waitForTaskToken")]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:approve")]
    public void Validate_StandardWithCallbackPatterns_IsValid(string resource)
    {
        var definition = Template.Replace("RESOURCE", resource, StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_ExpressRequestResponse_IsValid()
    {
        var definition = Template.Replace("RESOURCE", "arn:aws:states:::bedrock:invokeModel", StringComparison.Ordinal);

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Express);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_SyncInsideDistributedExpressChildren_IsRejectedInStandardMachine()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Express state machine does not support '.sync' service integration", "/States/M/ItemProcessor/States/T/Resource")],
            diagnostics);
    }
}
