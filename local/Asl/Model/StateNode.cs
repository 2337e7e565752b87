using System.Text.Json.Nodes;

namespace Asl;

/// <summary>A compiled state. Each type runs itself against a frame and records its own history events.</summary>
internal abstract class StateNode(string name, StateDataFlow flow)
{
    public string Name { get; } = name;

    public StateDataFlow Flow { get; } = flow;

    /// <summary>The state named by Next; null for End states (set once every state is compiled).</summary>
    public StateNode? Next { get; set; }

    public abstract HistoryEventType EnteredType { get; }

    /// <summary>
    /// Runs the state: synchronous states complete the returned ValueTask immediately (the interpreter's fast path).
    /// </summary>
    public abstract ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input);

    protected HistoryEvent Enter(Frame frame, JsonNode? input) => frame.Append(EnteredType, new StateEnteredDetails(Name, input));

    /// <summary>
    /// Applies the state's assignments and records its Exited event with them; returns the output. An
    /// <paramref name="instant"/> state (one that awaits nothing) exits at the moment it was entered.
    /// </summary>
    protected JsonNode? Exit(in StateVisit visit, HistoryEventType exitedType, in StateOutcome outcome, bool instant = false)
    {
        if (outcome.Assigned is { } assigned)
        {
            VariableAssignment.Apply(visit, assigned);
        }

        visit.Frame.Append(exitedType, new StateExitedDetails(Name, outcome.Output) { AssignedVariables = outcome.Assigned }, instant);
        return outcome.Output;
    }

    protected static JsonNode? CheckOutputSize(in StateVisit visit, JsonNode? output) =>
        JsonLimits.Exceeds(output)
            ? throw StatesErrorException.Terminal(
                ErrorNames.DataLimitExceeded,
                $"The state/task '{visit.State.Name}' returned a result with a size exceeding the maximum number of bytes service limit.")
            : output;
}
