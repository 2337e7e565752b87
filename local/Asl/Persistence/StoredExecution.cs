namespace Asl;

/// <summary>
/// A durable execution as read back from disk: identity, start, the events recorded so far (a torn last line
/// already dropped) and the task tokens it handed out, oldest first.
/// </summary>
public sealed record StoredExecution(
    string Arn,
    string Name,
    DateTimeOffset StartDate,
    string? TestCase,
    string? Input,
    IReadOnlyList<HistoryEvent> Events,
    IReadOnlyList<string> Tokens);
