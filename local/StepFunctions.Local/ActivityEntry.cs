namespace StepFunctions.Local;

/// <summary>A created activity. Kept by ARN beside the state machines, so a store that persists those can persist activities too.</summary>
internal sealed record ActivityEntry(string Arn, string Name, DateTimeOffset CreationDate);
