namespace Asl;

/// <summary>A compiled <c>{"StartAt","States"}</c> block: the machine, a Parallel branch or a Map's ItemProcessor.</summary>
internal sealed class StatesBlock(StateNode start, IReadOnlyDictionary<string, StateNode> states)
{
    public StateNode Start { get; } = start;

    public IReadOnlyDictionary<string, StateNode> States { get; } = states;
}
