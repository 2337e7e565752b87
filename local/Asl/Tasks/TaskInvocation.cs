using System.Text.Json.Nodes;

namespace Asl;

/// <summary>One attempt of a Task state, as handed to an <see cref="ITaskHandler"/>.</summary>
public sealed record TaskInvocation
{
    /// <summary>The resource ARN taken apart.</summary>
    public required TaskResource Resource { get; init; }

    /// <summary>The effective parameters (after InputPath and Parameters).</summary>
    public required JsonNode? Parameters { get; init; }

    /// <summary>The Task state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>The execution's ARN.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>The state machine's name (the key in a MockConfigFile).</summary>
    public required string StateMachineName { get; init; }

    /// <summary>The mock test case selected for the execution, if any.</summary>
    public string? TestCase { get; init; }

    /// <summary>0 for the first call of this state in this execution, counting every retry and Map iteration.</summary>
    public required int InvocationIndex { get; init; }

    /// <summary>The token issued for <c>.waitForTaskToken</c> resources, else null.</summary>
    public string? TaskToken { get; init; }

    /// <summary>The task's timeout in seconds.</summary>
    public long TimeoutSeconds { get; init; }

    /// <summary>The engine's clock.</summary>
    public required IClock Clock { get; init; }

    /// <summary>Resets the heartbeat timer (HeartbeatSeconds) for work that reports progress.</summary>
    public Action Heartbeat { get; init; } = static () => { };

    /// <summary>For an activity: records that a worker (its workerName, if any) took the task.</summary>
    public Action<string?> ActivityStarted { get; init; } = static _ => { };
}
