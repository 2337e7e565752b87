using Asl;

namespace StepFunctions.Local;

/// <summary>
/// A state machine as saved on disk: identity, current revision, tags, its versions and aliases, and the highest
/// version number it ever issued (deleted versions' numbers are never reused).
/// </summary>
internal sealed record StoredStateMachine(
    string Arn,
    string Name,
    StateMachineType Type,
    DateTimeOffset CreationDate,
    StoredRevision Revision,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<StoredVersion> Versions,
    IReadOnlyList<StateMachineAlias> Aliases,
    int LastVersionNumber);
