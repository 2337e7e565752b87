using Asl;

namespace StepFunctions.Local;

/// <summary>
/// One revision of a state machine: the compiled definition and the configuration it runs with. Executions keep the
/// revision they started on (DescribeStateMachineForExecution), whatever later updates do.
/// </summary>
internal sealed record StateMachineRevision(
    StateMachine Compiled,
    string LoggingConfiguration,
    string TracingConfiguration,
    string? RevisionId,
    DateTimeOffset? UpdateDate);
