namespace StepFunctions.Local;

/// <summary>A state machine revision as saved on disk (for an execution: the one it ran, and which machine).</summary>
internal sealed record StoredRevision(
    string Definition,
    string RoleArn,
    string? LoggingConfiguration,
    string? TracingConfiguration,
    string? RevisionId,
    DateTimeOffset? UpdateDate)
{
    public string StateMachineArn { get; init; } = string.Empty;

    public string StateMachineName { get; init; } = string.Empty;
}
