using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

/// <summary>An engine on a virtual clock with an in-process task registry, and readable views of executions.</summary>
internal sealed class Harness
{
    public Harness(int seed = 7, bool autoAdvance = true, ITaskHandler? handler = null, IItemReader? reader = null, IResultWriter? writer = null)
    {
        Clock = new VirtualClock(autoAdvance: autoAdvance);
        Engine = new AslEngine(new AslEngineOptions
        {
            Clock = Clock,
            TaskHandler = handler ?? Tasks,
            RandomSeed = seed,
            ItemReader = reader ?? new InMemoryItemReader(),
            ResultWriter = writer ?? new InMemoryResultWriter(),
        });
    }

    public VirtualClock Clock { get; }

    public TaskHandlerRegistry Tasks { get; } = new();

    public AslEngine Engine { get; }

    public Execution Start(string definition, string input = "{}", string? testCase = null, string machineName = "Machine") =>
        Engine.StartExecution(Engine.CreateStateMachine(machineName, definition), input, testCase: testCase);

    public async Task<Execution> RunAsync(string definition, string input = "{}", string? testCase = null, string machineName = "Machine")
    {
        var execution = Start(definition, input, testCase, machineName);
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return execution;
    }

    public static string Output(Execution execution) => execution.Output?.ToJsonString() ?? "null";

    public static string Types(Execution execution) => string.Join(",", execution.History.Snapshot().Select(e => e.Type));

    public static string Links(Execution execution) => string.Join(",", execution.History.Snapshot().Select(e => $"{e.Id}<{e.PreviousEventId}"));

    public static HistoryEvent Event(Execution execution, HistoryEventType type) => execution.History.Snapshot().First(e => e.Type == type);

    public static JsonNode? Json(string text) => JsonNode.Parse(text);

    /// <summary>Waits (on a real signal, generous timeout) until the execution has recorded an event of this type.</summary>
    public static async Task<HistoryEvent> WaitForEventAsync(Execution execution, HistoryEventType type)
    {
        var seen = new TaskCompletionSource<HistoryEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = execution.History.Subscribe(e =>
        {
            if (e.Type == type)
            {
                seen.TrySetResult(e);
            }
        });
        return await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
