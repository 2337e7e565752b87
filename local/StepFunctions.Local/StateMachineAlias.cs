namespace StepFunctions.Local;

/// <summary>
/// An alias: a name for one or two versions of a state machine with the share of executions each gets. Updates
/// replace the record, so a reader always sees one consistent routing.
/// </summary>
internal sealed record StateMachineAlias(
    string Arn,
    string Name,
    string StateMachineArn,
    string? Description,
    IReadOnlyList<AliasRoute> Routes,
    DateTimeOffset CreationDate,
    DateTimeOffset UpdateDate);
