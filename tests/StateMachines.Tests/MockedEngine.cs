using System.Text.Json.Nodes;
using Asl;

namespace StateMachines.Tests;

/// <summary>
/// The ASL engine on a virtual clock (waits, back-off and timeouts pass instantly) answering Task states from
/// MockConfigFile.json, the way Step Functions Local runs a <c>#TestCase</c>; states a test case leaves out go to
/// <see cref="Tasks"/>.
/// </summary>
internal sealed class MockedEngine
{
    private static readonly MockConfiguration Config = MockConfiguration.Load(Path.Combine(AppContext.BaseDirectory, "MockConfigFile.json"));

    public MockedEngine()
    {
        Engine = new AslEngine(new AslEngineOptions
        {
            Clock = Clock,
            TaskHandler = new MockTaskHandler(Config, Tasks),
            RandomSeed = 11,
            ItemReader = Reader,
            ResultWriter = Writer,
        });
    }

    public AslEngine Engine { get; }

    public VirtualClock Clock { get; } = new(autoAdvance: true);

    public TaskHandlerRegistry Tasks { get; } = new();

    public InMemoryItemReader Reader { get; } = new();

    public InMemoryResultWriter Writer { get; } = new();

    public async Task<Execution> RunAsync(string file, string machineName, string input, string testCase, StateMachineType type = StateMachineType.Standard)
    {
        var execution = Start(file, machineName, input, testCase, type);
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return execution;
    }

    public Execution Start(string file, string machineName, string input, string testCase, StateMachineType type = StateMachineType.Standard) =>
        Engine.StartExecution(Engine.CreateStateMachine(machineName, Definitions.Substituted(file), type), input, testCase: testCase);

    /// <summary>Waits (on the history's own signal; the timeout is only a safety net) until the execution records an event of this type.</summary>
    public static async Task WaitForEventAsync(Execution execution, HistoryEventType type)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = execution.History.Subscribe(e =>
        {
            if (e.Type == type)
            {
                seen.TrySetResult();
            }
        });
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The Task states the execution entered, in order.</summary>
    public static IReadOnlyList<string> TasksEntered(Execution execution) =>
        [.. execution.History.Snapshot()
            .Where(e => e.Type == HistoryEventType.TaskStateEntered)
            .Select(e => ((StateEnteredDetails)e.Details!).Name)];

    /// <summary>How many times a task was scheduled (first attempt plus retries), across all Task states.</summary>
    public static int TaskAttempts(Execution execution) =>
        execution.History.Snapshot().Count(e => e.Type == HistoryEventType.TaskScheduled);

    public static JsonNode? Json(string text) => JsonNode.Parse(text);
}
