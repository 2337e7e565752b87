using System.Collections.Concurrent;
using Asl;

namespace StepFunctions.Local;

/// <summary>A created state machine: identity, its current revision and its tags.</summary>
internal sealed class StateMachineEntry(string arn, string name, StateMachineType type, DateTimeOffset creationDate, StateMachineRevision revision)
{
    private readonly ConcurrentDictionary<string, byte> _started = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Execution> _executions = new();
    private volatile StateMachineRevision _current = revision;

    public string Arn { get; } = arn;

    public string Name { get; } = name;

    public StateMachineType Type { get; } = type;

    public DateTimeOffset CreationDate { get; } = creationDate;

    public StateMachineRevision Current
    {
        get => _current;
        set => _current = value;
    }

    public ConcurrentDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Records an execution started on this machine; an idempotent restart of the same one is not recorded twice.</summary>
    public void Started(Execution execution)
    {
        if (_started.TryAdd(execution.Arn, 0))
        {
            _executions.Enqueue(execution);
        }
    }

    /// <summary>The executions started on this machine, newest first (start order, not clock order, so ties keep their order).</summary>
    public IEnumerable<Execution> ExecutionsNewestFirst() => _executions.Reverse();
}
