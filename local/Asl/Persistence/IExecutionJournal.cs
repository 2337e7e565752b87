namespace Asl;

/// <summary>
/// Where durable executions (STANDARD, not Map Run children) are written as they run. Every call is made
/// synchronously by the engine before the work it records can have an effect, so a log that reached the OS is never
/// behind what the outside world saw.
/// </summary>
public interface IExecutionJournal
{
    /// <summary>An execution starts, resumes or is redriven: from now on append each new history event to its log.</summary>
    void Open(Execution execution);

    /// <summary>A <c>.waitForTaskToken</c> task is about to hand out <paramref name="taskToken"/>.</summary>
    void TokenIssued(Execution execution, string taskToken);

    /// <summary>The execution has ended (its last event is recorded): release its log.</summary>
    void Close(Execution execution);
}
