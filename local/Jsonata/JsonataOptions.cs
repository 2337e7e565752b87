namespace Jsonata;

/// <summary>Limits and the clock for one evaluation.</summary>
public sealed record JsonataOptions
{
    /// <summary>Default options: no time limit, a depth limit of 10,000 nested evaluations (and never more than the thread stack allows), the system clock.</summary>
    public static JsonataOptions Default { get; } = new();

    /// <summary>Evaluation is aborted with U1001 once it has run longer than this.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Evaluation is aborted with U1001 when expressions nest deeper than this (runaway recursion).</summary>
    public int MaxDepth { get; init; } = 10_000;

    /// <summary>The source of <c>$now()</c> and <c>$millis()</c>, read once per evaluation.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
