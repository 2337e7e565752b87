namespace Asl;

/// <summary>What the graph checks need from one state: whether it ends the workflow and where it can go next.</summary>
internal sealed record StateSummary(bool Terminal, IReadOnlyList<Transition> Transitions);
