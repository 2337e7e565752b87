namespace StepFunctions.Local;

/// <summary>
/// A published version: an immutable snapshot of one revision of a state machine, numbered from 1 per machine.
/// Kept by ARN next to the state machines so a store that persists those can persist versions the same way.
/// </summary>
internal sealed record StateMachineVersion(
    string Arn,
    string StateMachineArn,
    int Number,
    StateMachineRevision Revision,
    string? Description,
    DateTimeOffset CreationDate);
