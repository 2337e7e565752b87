using System.Text.Json.Nodes;
using Asl;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>
/// An engine on a virtual clock whose tasks go to the real <see cref="ServiceIntegrations"/> (behind a MockConfigFile
/// layer when one is given), with nested executions on the same engine, and readable views of an execution.
/// </summary>
internal sealed class IntegrationHarness : IDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(60);

    public IntegrationHarness(IntegrationOptions options, MockConfiguration? mocks = null, LocalMessageBroker? broker = null)
    {
        StateMachines = new EngineStateMachines(() => Engine!);
        Integrations = new ServiceIntegrations(options, StateMachines, broker ?? new LocalMessageBroker(clock: Clock));
        Engine = new AslEngine(new AslEngineOptions
        {
            Clock = Clock,
            TaskHandler = mocks is null ? Integrations : new MockTaskHandler(mocks, Integrations),
            ItemReader = Integrations.ItemReader,
            ResultWriter = Integrations.ResultWriter,
            RandomSeed = 7,
        });
    }

    public VirtualClock Clock { get; } = new();

    public ServiceIntegrations Integrations { get; }

    public EngineStateMachines StateMachines { get; }

    public AslEngine Engine { get; }

    /// <summary>A one-state machine: a Task on <paramref name="resource"/> with the given Parameters JSON.</summary>
    public static string Task(string resource, string parameters = "{}") =>
        "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":" + parameters + ",\"End\":true}}}";

    public StateMachine Create(string name, string definition) => StateMachines.Add(Engine.CreateStateMachine(name, definition));

    public Execution Start(string definition, string input = "{}", string machineName = "Machine", string? testCase = null) =>
        Engine.StartExecution(Create(machineName, definition), input, testCase: testCase);

    public async Task<Execution> RunAsync(string definition, string input = "{}", string machineName = "Machine", string? testCase = null)
    {
        var execution = Start(definition, input, machineName, testCase);
        await execution.Completion.WaitAsync(SafetyNet);
        return execution;
    }

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
        return await seen.Task.WaitAsync(SafetyNet);
    }

    public static string Types(Execution execution) => string.Join(",", execution.History.Snapshot().Select(e => e.Type));

    public static T Details<T>(Execution execution, HistoryEventType type)
        where T : HistoryEventDetails =>
        (T)execution.History.Snapshot().First(e => e.Type == type).Details!;

    /// <summary>The (resourceType, resource) the TaskScheduled event recorded.</summary>
    public static (string ResourceType, string Resource) Scheduled(Execution execution)
    {
        var details = Details<TaskScheduledDetails>(execution, HistoryEventType.TaskScheduled);
        return (details.ResourceType, details.Resource);
    }

    public static JsonNode Output(Execution execution) => execution.Output ?? throw new InvalidOperationException($"No output: {execution.Status} {execution.Error} {execution.Cause}");

    public void Dispose() => Integrations.Dispose();
}
