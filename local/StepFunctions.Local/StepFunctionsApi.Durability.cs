using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>
/// Durability (<c>--data DIR</c>): loading state machines (with their versions and aliases), activities and executions
/// at start, saving them as they change.
/// </content>
public sealed partial class StepFunctionsApi
{
    /// <summary>The version and alias the execution being started on this flow goes through, for its log's header.</summary>
    private readonly AsyncLocal<ExecutionSource?> _startingThrough = new();
    private DurableStore? _store;

    /// <summary>
    /// Keeps state machines, their versions and aliases, activities and STANDARD executions under
    /// <paramref name="directory"/> from now on, after putting back what an earlier server left there: finished
    /// executions as they were, RUNNING ones resumed from their last recorded event. Call once, before serving.
    /// </summary>
    public void UseDataDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var store = new DurableStore(
            directory,
            execution => _revisions.TryGetValue(execution.StateMachine, out var revision) ? revision : null,
            _ => _startingThrough.Value);
        foreach (var machine in store.LoadStateMachines())
        {
            try
            {
                Restore(machine);
            }
            catch (ApiException e)
            {
                DurableStore.Skipped(machine.Arn, e.Message);
            }
        }

        // Before the executions resume, so a Task state waiting on an activity finds it again.
        foreach (var activity in store.LoadActivities())
        {
            _activities[activity.Arn] = activity;
            ActivityTasks.Add(activity.Arn);
        }

        Engine.Journal = store;
        _store = store;
        foreach (var (stored, revision, source) in store.LoadExecutions())
        {
            _stateMachines.TryGetValue(revision.StateMachineArn, out var entry);
            var current = entry?.Current.Compiled;
            var machine = current is not null && current.Definition == revision.Definition && current.RoleArn == revision.RoleArn
                ? current
                : Revive(revision.StateMachineName, StateMachineType.Standard, revision).Compiled;
            var execution = Engine.Restore(machine, stored);
            entry?.Started(execution);
            RecordSource(execution, source);
        }
    }

    /// <summary>Puts back a saved machine with its versions and aliases; nothing of it when a definition no longer compiles.</summary>
    private void Restore(StoredStateMachine machine)
    {
        var entry = new StateMachineEntry(machine.Arn, machine.Name, machine.Type, machine.CreationDate, Revive(machine.Name, machine.Type, machine.Revision));
        foreach (var (key, value) in machine.Tags)
        {
            entry.Tags[key] = value;
        }

        // The version of the current revision shares its object, so publishing it again stays idempotent.
        var versions = machine.Versions.Select(v => new StateMachineVersion(
            v.Arn,
            entry.Arn,
            v.Number,
            v.Revision == machine.Revision ? entry.Current : Revive(machine.Name, machine.Type, v.Revision),
            v.Description,
            v.CreationDate)).ToList();
        _stateMachines[entry.Arn] = entry;
        foreach (var version in versions)
        {
            _versions[version.Arn] = version;
        }

        var last = versions.Select(v => v.Number).Append(machine.LastVersionNumber).Max();
        if (last > 0)
        {
            _lastVersionNumbers[entry.Arn] = last;
        }

        foreach (var alias in machine.Aliases)
        {
            _aliases[alias.Arn] = alias;
        }
    }

    private StateMachineRevision Revive(string name, StateMachineType type, StoredRevision stored) => Remember(new StateMachineRevision(
        Compile(name, stored.Definition, type, stored.RoleArn),
        stored.LoggingConfiguration ?? DefaultLogging,
        stored.TracingConfiguration ?? DefaultTracing,
        stored.RevisionId,
        stored.UpdateDate));

    /// <summary>
    /// Saves a state machine's file with its versions and aliases as they are now, when the server keeps its state on
    /// disk. Under the write gate, so saves of one machine happen in order and a machine deleted meanwhile stays deleted.
    /// </summary>
    private void Persist(StateMachineEntry entry)
    {
        if (_store is null)
        {
            return;
        }

        lock (_writeGate)
        {
            if (_stateMachines.TryGetValue(entry.Arn, out var live) && ReferenceEquals(live, entry))
            {
                _store.Save(entry, VersionsNewestFirst(entry.Arn), AliasesOf(entry.Arn), _lastVersionNumbers.GetValueOrDefault(entry.Arn));
            }
        }
    }

    /// <summary>Saves the state machine (with its versions and aliases) whose ARN is given, if it exists.</summary>
    private void Persist(string machineArn)
    {
        if (_stateMachines.TryGetValue(machineArn, out var entry))
        {
            Persist(entry);
        }
    }

    /// <summary>Saves the state machine a tagging call changed, when the server keeps its state on disk.</summary>
    private Action<ApiRequest, Utf8JsonWriter> Saving(Action<ApiRequest, Utf8JsonWriter> operation) => (request, writer) =>
    {
        operation(request, writer);
        if (request.String("resourceArn", 1, 256) is { } arn)
        {
            Persist(arn);
        }
    };
}
