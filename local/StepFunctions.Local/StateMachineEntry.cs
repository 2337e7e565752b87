using System.Collections.Concurrent;
using Asl;

namespace StepFunctions.Local;

/// <summary>A created state machine: identity, its current revision and its tags.</summary>
internal sealed class StateMachineEntry(string arn, string name, StateMachineType type, DateTimeOffset creationDate, StateMachineRevision revision)
{
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
}
