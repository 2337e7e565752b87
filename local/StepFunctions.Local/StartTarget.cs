namespace StepFunctions.Local;

/// <summary>
/// What a StartExecution ARN resolves to: the state machine, the revision to run, and the version and alias when the
/// ARN named one (<c>...:stateMachine:name:3</c> or <c>...:stateMachine:name:prod</c>).
/// </summary>
internal sealed record StartTarget(StateMachineEntry Entry, StateMachineRevision Revision, ExecutionSource? Source);
