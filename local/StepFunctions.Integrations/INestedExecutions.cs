using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// Where <c>states:startExecution</c> starts nested executions when no STEP_FUNCTIONS_ENDPOINT is set: the host's own
/// engine, so parent and child share clock, mocks and history. The API server implements it over its registry of
/// state machines (so children show up in ListExecutions); <see cref="EngineStateMachines"/> is a plain one.
/// </summary>
public interface INestedExecutions
{
    /// <summary>
    /// Starts an execution of the state machine with this ARN (a <c>#TestCase</c> suffix selects a mock test case).
    /// Throws <see cref="AslApiException"/> (StateMachineDoesNotExist, ExecutionAlreadyExists, InvalidName, ...).
    /// </summary>
    Execution Start(string stateMachineArn, string? input, string? name);

    /// <summary>Stops a running execution, as Step Functions does to a <c>.sync</c> child when its parent task ends early.</summary>
    void Stop(string executionArn, string? error, string? cause);
}
