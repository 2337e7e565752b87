namespace Asl;

/// <summary>
/// AWS's wording for every diagnostic, in one place so the phrasing stays consistent. Where AWS's exact text has been
/// recorded it is used verbatim; the rest follows the same style.
/// </summary>
internal static class Messages
{
    public const string NotAnObject = "Definition must be a valid JSON object";
    public const string NoTerminalState = "Workflow has no terminal state";
    public const string DowngradedQueryLanguage = "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";
    public const string NotAReferencePath = "Value is not a Reference Path";
    public const string NonEmptyArray = "Array should have at least 1 item";
    public const string ExpressSync = "Express state machine does not support '.sync' service integration";

    // AWS's recorded message for this one ends in a space, so the rendered form has two before "at".
    public const string ExpressWaitForTaskToken = "Express state machine does not support '.waitForTaskToken' service integration ";
    public const string ExpressActivity = "Express state machine does not support Activity ARN";
    public const string NotAResourceArn = "Value is not a valid resource ARN";
    public const string NotATimestamp = "Value is not a valid ISO-8601 timestamp";
    public const string StatesAllNotAlone = "Error name 'States.ALL' must appear alone in 'ErrorEquals'";
    public const string HeartbeatNotBelowTimeout = "HeartbeatSeconds must be smaller than TimeoutSeconds";
    public const string DefinitionTooLong =
        "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576";

    public static string Required(IEnumerable<string> fields) => $"These fields are required: [{string.Join(", ", fields)}]";

    public static string NotSupported(string field) => $"Field '{field}' is not supported";

    public static string OnlyOneOf(IEnumerable<string> fields) => $"There should only be one of the following fields: [{string.Join(", ", fields)}]";

    public static string ExactlyOneOf(IEnumerable<string> fields) => $"This object should have only one of the following fields: [{string.Join(", ", fields)}]";

    public static string ExpectedType(string type) => $"Expected value of type [{type}]";

    public static string OneOfValues(IEnumerable<string> values) => $"Value should be one of the following: [{string.Join(", ", values)}]";

    public static string Minimum(string value) => $"Minimum value is {value}";

    public static string Maximum(string value) => $"Maximum value is {value}";

    public static string WrongQueryLanguage(QueryLanguage stateLanguage, string field)
    {
        var (actual, required) = stateLanguage == QueryLanguage.JsonPath ? ("JSONPath", "JSONata") : ("JSONata", "JSONPath");
        return $"The QueryLanguage is set to '{actual}', but field '{field}' is only supported for the '{required}' QueryLanguage";
    }

    public static string InvalidPath(string field) => $"The value for the field '{field}' must be a valid JSONPath";

    public static string InvalidPathOrIntrinsic(string field) =>
        $"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call";

    public static string DuplicateTemplateField(string field) => $"The field '{field}' is specified more than once after '.$' is removed";

    public static string MissingTarget(string target) => $"Missing 'Next' target: {target}";

    public static string Unreachable(string state) => $"State \"{state}\" is not reachable.";

    public static string DuplicateStateName(string state) => $"Duplicate State name: {state}";

    public static string StateNameTooLong(int maximum) => $"State name is longer than {maximum} characters";

    public static string StatesAllNotLast(string handler) => $"Error name 'States.ALL' must be in the last {handler}";

    public static string UnknownStatesError(string name) => $"Value is not a valid error name: {name}";

    public static string InvalidVariableName(string name) => $"Variable name '{name}' is not valid";

    public static string ReservedVariableName(string name) => $"Variable name '{name}' is reserved and cannot be assigned";

    public static string TopLevelReference(string name) => $"Reference to '{name}' at the top level is not supported.";
}
