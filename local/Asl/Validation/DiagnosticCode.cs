namespace Asl;

/// <summary>The diagnostic codes AWS's definition validator reports.</summary>
internal static class DiagnosticCode
{
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";
    public const string MissingEndState = "MISSING_END_STATE";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string InvalidStateName = "INVALID_STATE_NAME";
    public const string InvalidJsonataExpression = "INVALID_JSONATA_EXPRESSION";
    public const string UnsupportedJsonataExpression = "UNSUPPORTED_JSONATA_EXPRESSION";
}
