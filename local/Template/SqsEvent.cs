namespace Template;

/// <summary>A function's <c>Type: SQS</c> event source mapping.</summary>
public sealed record SqsEvent(string Name, string QueueArn)
{
    /// <summary>SAM's default is 10.</summary>
    public int BatchSize { get; init; } = 10;

    public int MaximumBatchingWindowInSeconds { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>For example <c>ReportBatchItemFailures</c>.</summary>
    public IReadOnlyList<string> FunctionResponseTypes { get; init; } = [];
}
