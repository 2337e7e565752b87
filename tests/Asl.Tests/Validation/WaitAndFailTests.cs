using Asl;

namespace Asl.Tests.Validation;

public sealed class WaitAndFailTests
{
    private const string WaitTemplate = """{"StartAt": "W", "States": {"W": {"Type": "Wait", FIELDS "End": true}}}""";
    private const string FailTemplate = """{"StartAt": "F", "States": {"F": {"Type": "Fail", FIELDS}}}""";

    private static IReadOnlyList<AslDiagnostic> Validate(string template, string fields) =>
        AslValidator.Validate(template.Replace("FIELDS", fields, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void Validate_WaitWithoutDuration_NeedsExactlyOne()
    {
        var diagnostics = Validate(WaitTemplate, string.Empty);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "This object should have only one of the following fields: [Seconds, Timestamp, SecondsPath, TimestampPath]", "/States/W")],
            diagnostics);
    }

    [Fact]
    public void Validate_WaitWithSecondsAndTimestamp_OnlyOneAllowed()
    {
        var diagnostics = Validate(WaitTemplate, "\"Seconds\": 5, \"Timestamp\": \"2026-11-21T20:00:00Z\",");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Seconds, Timestamp, SecondsPath, TimestampPath]", "/States/W/Seconds")],
            diagnostics);
    }

    [Fact]
    public void Validate_NegativeSeconds_BelowMinimum()
    {
        var diagnostics = Validate(WaitTemplate, "\"Seconds\": -1,");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Minimum value is 0", "/States/W/Seconds")], diagnostics);
    }

    [Theory]
    [InlineData("2026-11-21 20:00:00Z")]
    [InlineData("2026-11-21t20:00:00z")]
    [InlineData("2026-11-21T20:00:00")]
    [InlineData("2026-13-21T20:00:00Z")]
    public void Validate_TimestampNotRfc3339_IsRejected(string timestamp)
    {
        var diagnostics = Validate(WaitTemplate, $"\"Timestamp\": \"{timestamp}\",");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a valid ISO-8601 timestamp", "/States/W/Timestamp")], diagnostics);
    }

    [Theory]
    [InlineData("\"Seconds\": 0,")]
    [InlineData("\"Timestamp\": \"2026-11-21T20:00:00.123+01:00\",")]
    [InlineData("\"SecondsPath\": \"$.delay\",")]
    [InlineData("\"TimestampPath\": \"$.until\",")]
    public void Validate_EachWaitDuration_IsValid(string field)
    {
        var diagnostics = Validate(WaitTemplate, field);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_FailWithErrorAndErrorPath_OnlyOneAllowed()
    {
        var diagnostics = Validate(FailTemplate, "\"Error\": \"Boom\", \"ErrorPath\": \"$.error\"");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Error, ErrorPath]", "/States/F/Error")], diagnostics);
    }

    [Fact]
    public void Validate_FailWithCauseAndCausePath_OnlyOneAllowed()
    {
        var diagnostics = Validate(FailTemplate, "\"Cause\": \"Boom\", \"CausePath\": \"$.cause\"");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Cause, CausePath]", "/States/F/Cause")], diagnostics);
    }

    [Fact]
    public void Validate_FailCausePathNotAPath_IsRejected()
    {
        var diagnostics = Validate(FailTemplate, "\"CausePath\": \"cause\"");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call", "/States/F/CausePath")],
            diagnostics);
    }

    [Fact]
    public void Validate_FailWithPathAndIntrinsic_IsValid()
    {
        var diagnostics = Validate(FailTemplate, "\"ErrorPath\": \"$.error\", \"CausePath\": \"States.Format('Order {} failed', $.id)\"");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_AssignOnFail_IsNotSupported()
    {
        var diagnostics = Validate(FailTemplate, "\"Error\": \"Boom\", \"Assign\": {\"x\": 1}");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Assign' is not supported", "/States/F")], diagnostics);
    }
}
