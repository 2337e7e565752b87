using System.Collections.Frozen;

namespace Asl;

/// <summary>Which fields each state type accepts, and how each field is checked.</summary>
internal static class StateFields
{
    public static readonly FrozenDictionary<string, FieldSpec> Specs = new Dictionary<string, FieldSpec>(StringComparer.Ordinal)
    {
        ["Type"] = new(FieldKind.Handled, FieldLanguage.Both),
        ["QueryLanguage"] = new(FieldKind.Handled, FieldLanguage.Both),
        ["Comment"] = new(FieldKind.String, FieldLanguage.Both),
        ["Next"] = new(FieldKind.Target, FieldLanguage.Both),
        ["End"] = new(FieldKind.End, FieldLanguage.Both),
        ["InputPath"] = new(FieldKind.Path, FieldLanguage.JsonPathOnly),
        ["OutputPath"] = new(FieldKind.Path, FieldLanguage.JsonPathOnly),
        ["Parameters"] = new(FieldKind.Payload, FieldLanguage.JsonPathOnly),
        ["ResultSelector"] = new(FieldKind.Payload, FieldLanguage.JsonPathOnly),
        ["ResultPath"] = new(FieldKind.ResultPath, FieldLanguage.JsonPathOnly),
        ["Result"] = new(FieldKind.AnyJson, FieldLanguage.JsonPathOnly),
        ["Arguments"] = new(FieldKind.Payload, FieldLanguage.JsonataOnly),
        ["Output"] = new(FieldKind.Payload, FieldLanguage.JsonataOnly),
        ["Assign"] = new(FieldKind.Assign, FieldLanguage.Both),
        ["Resource"] = new(FieldKind.Resource, FieldLanguage.Both),
        ["TimeoutSeconds"] = new(FieldKind.PositiveSeconds, FieldLanguage.Both),
        ["TimeoutSecondsPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["HeartbeatSeconds"] = new(FieldKind.PositiveSeconds, FieldLanguage.Both),
        ["HeartbeatSecondsPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["Credentials"] = new(FieldKind.Credentials, FieldLanguage.Both),
        ["Retry"] = new(FieldKind.Retry, FieldLanguage.Both),
        ["Catch"] = new(FieldKind.Catch, FieldLanguage.Both),
        ["Choices"] = new(FieldKind.Choices, FieldLanguage.Both),
        ["Default"] = new(FieldKind.Target, FieldLanguage.Both),
        ["Seconds"] = new(FieldKind.WaitSeconds, FieldLanguage.Both),
        ["Timestamp"] = new(FieldKind.Timestamp, FieldLanguage.Both),
        ["SecondsPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["TimestampPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["Error"] = new(FieldKind.ErrorText, FieldLanguage.Both),
        ["Cause"] = new(FieldKind.ErrorText, FieldLanguage.Both),
        ["ErrorPath"] = new(FieldKind.PathOrIntrinsic, FieldLanguage.JsonPathOnly),
        ["CausePath"] = new(FieldKind.PathOrIntrinsic, FieldLanguage.JsonPathOnly),
        ["Branches"] = new(FieldKind.Branches, FieldLanguage.Both),
        ["ItemProcessor"] = new(FieldKind.ItemProcessor, FieldLanguage.Both),
        ["Iterator"] = new(FieldKind.ItemProcessor, FieldLanguage.Both),
        ["ItemsPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["Items"] = new(FieldKind.Items, FieldLanguage.JsonataOnly),
        ["ItemSelector"] = new(FieldKind.Payload, FieldLanguage.Both),
        ["MaxConcurrency"] = new(FieldKind.MaxConcurrency, FieldLanguage.Both),
        ["MaxConcurrencyPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["ToleratedFailureCount"] = new(FieldKind.ToleratedCount, FieldLanguage.Both),
        ["ToleratedFailureCountPath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["ToleratedFailurePercentage"] = new(FieldKind.ToleratedPercentage, FieldLanguage.Both),
        ["ToleratedFailurePercentagePath"] = new(FieldKind.ReferencePath, FieldLanguage.JsonPathOnly),
        ["ItemReader"] = new(FieldKind.ItemReader, FieldLanguage.Both),
        ["ItemBatcher"] = new(FieldKind.ItemBatcher, FieldLanguage.Both),
        ["ResultWriter"] = new(FieldKind.ResultWriter, FieldLanguage.Both),
        ["Label"] = new(FieldKind.Label, FieldLanguage.Both),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> TypeNames = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

    // Declared after TypeNames: static initializers run in textual order.
    public static readonly FrozenSet<string> Types = TypeNames.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Transition = ["Next", "End"];
    private static readonly string[] Flow = ["InputPath", "OutputPath"];
    private static readonly string[] Execution =
        ["Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Output", "Assign"];

    private static readonly FrozenDictionary<string, FrozenSet<string>> Allowed = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["Pass"] = Set(Common, Transition, Flow, ["Parameters", "Result", "ResultPath", "Output", "Assign"]),
        ["Task"] = Set(Common, Transition, Flow, Execution,
            ["Resource", "Arguments", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"]),
        ["Choice"] = Set(Common, Flow, ["Choices", "Default", "Output", "Assign"]),
        ["Wait"] = Set(Common, Transition, Flow, ["Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Output", "Assign"]),
        ["Succeed"] = Set(Common, Flow, ["Output"]),
        ["Fail"] = Set(Common, ["Error", "ErrorPath", "Cause", "CausePath"]),
        ["Parallel"] = Set(Common, Transition, Flow, Execution, ["Branches", "Arguments"]),
        ["Map"] = Set(Common, Transition, Flow, Execution,
        [
            "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "MaxConcurrency", "MaxConcurrencyPath",
            "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
            "ItemReader", "ItemBatcher", "ResultWriter", "Label",
        ]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when a state of this type may declare the field.</summary>
    public static bool IsAllowed(string type, string field) => Allowed[type].Contains(field);

    private static FrozenSet<string> Set(params string[][] groups) => groups.SelectMany(g => g).ToFrozenSet(StringComparer.Ordinal);
}
