namespace Workers.Tests;

/// <summary>What one invocation produced: the runtime's POST and its JSON log lines.</summary>
internal sealed record InvocationOutcome(RuntimeApiPost Post, IReadOnlyList<string> LogLines);
