using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>Durability (<c>--data DIR</c>): loading state machines and executions at start, saving them as they change.</content>
public sealed partial class StepFunctionsApi
{
    private DurableStore? _store;

    /// <summary>
    /// Keeps state machines and STANDARD executions under <paramref name="directory"/> from now on, after putting back
    /// what an earlier server left there: finished executions as they were, RUNNING ones resumed from their last
    /// recorded event. Call once, before serving.
    /// </summary>
    public void UseDataDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var store = new DurableStore(directory, execution => _revisions.TryGetValue(execution.StateMachine, out var revision) ? revision : null);
        foreach (var machine in store.LoadStateMachines())
        {
            var entry = new StateMachineEntry(machine.Arn, machine.Name, machine.Type, machine.CreationDate, Revive(machine.Name, machine.Type, machine.Revision));
            foreach (var (key, value) in machine.Tags)
            {
                entry.Tags[key] = value;
            }

            _stateMachines[entry.Arn] = entry;
        }

        Engine.Journal = store;
        _store = store;
        foreach (var (stored, revision) in store.LoadExecutions())
        {
            _stateMachines.TryGetValue(revision.StateMachineArn, out var entry);
            var current = entry?.Current.Compiled;
            var machine = current is not null && current.Definition == revision.Definition && current.RoleArn == revision.RoleArn
                ? current
                : Revive(revision.StateMachineName, StateMachineType.Standard, revision).Compiled;
            var execution = Engine.Restore(machine, stored);
            entry?.Started(execution);
        }
    }

    private StateMachineRevision Revive(string name, StateMachineType type, StoredRevision stored) => Remember(new StateMachineRevision(
        Compile(name, stored.Definition, type, stored.RoleArn),
        stored.LoggingConfiguration ?? DefaultLogging,
        stored.TracingConfiguration ?? DefaultTracing,
        stored.RevisionId,
        stored.UpdateDate));

    private void Persist(StateMachineEntry entry) => _store?.Save(entry);

    /// <summary>Saves the state machine a tagging call changed, when the server keeps its state on disk.</summary>
    private Action<ApiRequest, Utf8JsonWriter> Saving(Action<ApiRequest, Utf8JsonWriter> operation) => (request, writer) =>
    {
        operation(request, writer);
        if (_store is not null && request.String("resourceArn", 1, 256) is { } arn && _stateMachines.TryGetValue(arn, out var entry))
        {
            _store.Save(entry);
        }
    };
}
