using System.Collections.Frozen;

namespace Asl;

/// <summary>The predefined <c>States.*</c> error names; any other name in that namespace is rejected in ErrorEquals.</summary>
internal static class StatesErrorNames
{
    private const string Prefix = "States.";
    private const string HttpStatusPrefix = "States.Http.StatusCode.";

    private static readonly FrozenSet<string> Known = new[]
    {
        ErrorNames.All, "States.HeartbeatTimeout", "States.Timeout", "States.TaskFailed", "States.Permissions",
        "States.ResultPathMatchFailure", "States.ParameterPathFailure", "States.QueryEvaluationError", "States.BranchFailed",
        "States.NoChoiceMatched", "States.IntrinsicFailure", "States.ExceedToleratedFailureThreshold",
        "States.ItemReaderFailed", "States.ResultWriterFailed", "States.DataLimitExceeded", "States.Runtime",
        "States.Http.Socket",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>False only for a name in the reserved <c>States.</c> namespace that AWS does not define.</summary>
    public static bool IsAllowed(string name) =>
        !name.StartsWith(Prefix, StringComparison.Ordinal) || Known.Contains(name) || name.StartsWith(HttpStatusPrefix, StringComparison.Ordinal);
}
