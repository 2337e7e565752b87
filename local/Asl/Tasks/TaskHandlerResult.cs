using System.Text.Json.Nodes;

namespace Asl;

/// <summary>What one task attempt produced.</summary>
public readonly record struct TaskHandlerResult(JsonNode? Output, bool IsSubmitted)
{
    /// <summary>The task finished with <paramref name="output"/> as its result.</summary>
    public static TaskHandlerResult Completed(JsonNode? output) => new(output, false);

    /// <summary>
    /// The request was accepted (<c>.waitForTaskToken</c>): <paramref name="output"/> is recorded in TaskSubmitted and
    /// the engine waits for SendTaskSuccess/SendTaskFailure.
    /// </summary>
    public static TaskHandlerResult Submitted(JsonNode? output) => new(output, true);
}
