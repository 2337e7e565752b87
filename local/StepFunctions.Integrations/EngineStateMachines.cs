using System.Collections.Concurrent;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// State machines known by ARN, started on one <see cref="AslEngine"/>: the nested-execution target for hosts without
/// an API server (the <c>run</c> verb, tests). The engine is given as a function because it is built after the task
/// handler that needs this.
/// </summary>
public sealed class EngineStateMachines(Func<AslEngine> engine) : INestedExecutions
{
    private readonly ConcurrentDictionary<string, StateMachine> _machines = new(StringComparer.Ordinal);

    /// <summary>Makes a state machine startable by its ARN.</summary>
    public StateMachine Add(StateMachine stateMachine)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        _machines[stateMachine.Arn] = stateMachine;
        return stateMachine;
    }

    /// <inheritdoc/>
    public Execution Start(string stateMachineArn, string? input, string? name)
    {
        var (arn, testCase) = AslEngine.SplitTestCase(stateMachineArn);
        var machine = _machines.TryGetValue(arn, out var found)
            ? found
            : throw new AslApiException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");
        return engine().StartExecution(machine, input, name, testCase);
    }

    /// <inheritdoc/>
    public void Stop(string executionArn, string? error, string? cause) => engine().StopExecution(executionArn, error, cause);
}
