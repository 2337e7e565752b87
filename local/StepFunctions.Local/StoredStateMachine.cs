using Asl;

namespace StepFunctions.Local;

/// <summary>A state machine as saved on disk: identity, current revision and tags.</summary>
internal sealed record StoredStateMachine(
    string Arn,
    string Name,
    StateMachineType Type,
    DateTimeOffset CreationDate,
    StoredRevision Revision,
    IReadOnlyDictionary<string, string> Tags);
