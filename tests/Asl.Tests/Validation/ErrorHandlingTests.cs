using Asl;

namespace Asl.Tests.Validation;

public sealed class ErrorHandlingTests
{
    private const string Template = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", HANDLERS, "End": true}, "F": {"Type": "Fail"}}}
        """;

    private static IReadOnlyList<AslDiagnostic> ValidateHandlers(string handlers) =>
        AslValidator.Validate(Template.Replace("HANDLERS", handlers, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void Validate_RetrierWithoutErrorEquals_RequiresIt()
    {
        var diagnostics = ValidateHandlers("\"Retry\": [{\"MaxAttempts\": 2}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [ErrorEquals]", "/States/T/Retry[0]")], diagnostics);
    }

    [Fact]
    public void Validate_CatcherWithoutNext_RequiresNext()
    {
        var diagnostics = ValidateHandlers("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"]}]");

        Assert.Equal(
            [
                new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Next]", "/States/T/Catch[0]"),
                new AslDiagnostic("MISSING_TRANSITION_TARGET", "State \"F\" is not reachable.", "/States/F"),
            ],
            diagnostics);
    }

    [Fact]
    public void Validate_StatesAllWithOtherErrors_MustBeAlone()
    {
        var diagnostics = ValidateHandlers("\"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"States.Timeout\"]}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Error name 'States.ALL' must appear alone in 'ErrorEquals'", "/States/T/Retry[0]/ErrorEquals")], diagnostics);
    }

    [Fact]
    public void Validate_StatesAllNotInLastCatcher_IsRejected()
    {
        var diagnostics = ValidateHandlers(
            "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}, {\"ErrorEquals\": [\"PaymentDeclinedException\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Error name 'States.ALL' must be in the last Catcher", "/States/T/Catch[0]/ErrorEquals")], diagnostics);
    }

    [Fact]
    public void Validate_UndefinedStatesError_IsRejected()
    {
        var diagnostics = ValidateHandlers("\"Retry\": [{\"ErrorEquals\": [\"States.Boom\"]}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a valid error name: States.Boom", "/States/T/Retry[0]/ErrorEquals[0]")], diagnostics);
    }

    [Fact]
    public void Validate_EmptyErrorEquals_NeedsAnItem()
    {
        var diagnostics = ValidateHandlers("\"Retry\": [{\"ErrorEquals\": []}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Array should have at least 1 item", "/States/T/Retry[0]/ErrorEquals")], diagnostics);
    }

    [Theory]
    [InlineData("\"IntervalSeconds\": 0", "Minimum value is 1", "IntervalSeconds")]
    [InlineData("\"MaxAttempts\": -1", "Minimum value is 0", "MaxAttempts")]
    [InlineData("\"BackoffRate\": 0.5", "Minimum value is 1.0", "BackoffRate")]
    [InlineData("\"MaxDelaySeconds\": 0", "Minimum value is 1", "MaxDelaySeconds")]
    [InlineData("\"MaxDelaySeconds\": 31622401", "Maximum value is 31622400", "MaxDelaySeconds")]
    [InlineData("\"JitterStrategy\": \"HALF\"", "Value should be one of the following: [FULL, NONE]", "JitterStrategy")]
    public void Validate_RetrierFieldOutOfRange_ReportsTheBound(string field, string message, string name)
    {
        var diagnostics = ValidateHandlers($"\"Retry\": [{{\"ErrorEquals\": [\"Lambda.ServiceException\"], {field}}}], \"Catch\": [{{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", message, $"/States/T/Retry[0]/{name}")], diagnostics);
    }

    [Fact]
    public void Validate_UnknownRetrierField_IsNotSupported()
    {
        var diagnostics = ValidateHandlers("\"Retry\": [{\"ErrorEquals\": [\"States.ALL\"], \"Delay\": 3}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\"}]");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Delay' is not supported", "/States/T/Retry[0]")], diagnostics);
    }

    [Fact]
    public void Validate_StandardLambdaRetrierAndCatchAll_IsValid()
    {
        var diagnostics = ValidateHandlers(
            "\"Retry\": [{\"ErrorEquals\": [\"Lambda.ServiceException\", \"Lambda.AWSLambdaException\", \"Lambda.SdkClientException\", \"Lambda.TooManyRequestsException\"], "
            + "\"IntervalSeconds\": 1, \"MaxAttempts\": 3, \"BackoffRate\": 2, \"MaxDelaySeconds\": 10, \"JitterStrategy\": \"FULL\"}], "
            + "\"Catch\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"ResultPath\": \"$.errors.step\", \"Next\": \"F\"}, {\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.error\", \"Next\": \"F\"}]");

        Assert.Empty(diagnostics);
    }
}
