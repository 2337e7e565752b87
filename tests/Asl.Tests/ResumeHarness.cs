using System.Text;
using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

/// <summary>
/// A restart without a process: the first engine's history is cut where the "crash" happened, written and read back
/// as the on-disk log is, and restored into a second engine (its own virtual clock, a task handler that counts calls).
/// </summary>
internal sealed class ResumeHarness
{
    public const string Lambda = "arn:aws:states:::lambda:invoke";

    public const string Callback = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    private int _calls;

    /// <summary>The engine before the crash: its Lambda task never answers, its callback task records the token.</summary>
    public Harness Before { get; } = CreateBefore();

    public AslEngine After { get; private set; } = null!;

    public VirtualClock AfterClock { get; private set; } = null!;

    /// <summary>Calls the second engine made to the Lambda task (side effects after the restart).</summary>
    public int Calls => _calls;

    /// <summary>Restores the first <paramref name="eventCount"/> events of <paramref name="crashed"/> into a new engine.</summary>
    public Execution Restart(Execution crashed, long eventCount, DateTimeOffset? now = null, params string[] tokens)
    {
        AfterClock = new VirtualClock(now ?? Before.Clock.UtcNow);
        var tasks = new TaskHandlerRegistry()
            .Register(Lambda, _ =>
            {
                Interlocked.Increment(ref _calls);
                return JsonNode.Parse("""{"done":true}""");
            })
            .Register(Callback, _ => JsonNode.Parse("""{"MessageId":"again"}"""));
        After = new AslEngine(new AslEngineOptions { Clock = AfterClock, TaskHandler = tasks, RandomSeed = 7 });
        var events = crashed.History.Snapshot().Take((int)eventCount)
            .Select(e => HistoryEvent.Parse(Encoding.UTF8.GetBytes(e.ToJson())))
            .ToList();
        var machine = After.CreateStateMachine(crashed.StateMachine.Name, crashed.StateMachine.Definition);
        var stored = new StoredExecution(crashed.Arn, crashed.Name, crashed.StartDate, null, HistoryEventDetails.Encode(crashed.Input), events, tokens);
        return After.Restore(machine, stored);
    }

    /// <summary>The id of the n-th event of a type: cut the history there to crash right after it was written.</summary>
    public static long IdOf(Execution execution, HistoryEventType type, int occurrence = 1) =>
        execution.History.Snapshot().Where(e => e.Type == type).Skip(occurrence - 1).First().Id;

    private static Harness CreateBefore()
    {
        var harness = new Harness(autoAdvance: false);
        harness.Tasks
            .Register(Lambda, (_, token) => new ValueTask<JsonNode?>(Task.Delay(Timeout.Infinite, token).ContinueWith(_ => (JsonNode?)null, TaskScheduler.Default)))
            .Register(Callback, invocation => JsonNode.Parse($$"""{"MessageId":"first","token":"{{invocation.TaskToken}}"}"""));
        return harness;
    }
}
