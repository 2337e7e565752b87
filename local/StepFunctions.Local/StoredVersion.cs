namespace StepFunctions.Local;

/// <summary>A published version as saved inside its state machine's file: identity, number and its own revision.</summary>
internal sealed record StoredVersion(string Arn, int Number, string? Description, DateTimeOffset CreationDate, StoredRevision Revision);
