namespace Asl;

/// <summary>A validated, compiled state machine: every path, template and intrinsic is compiled once, here.</summary>
public sealed class StateMachine
{
    internal StateMachine(string name, string arn, StateMachineType type, string definition, string roleArn, StatesBlock root, long? timeoutSeconds)
    {
        Name = name;
        Arn = arn;
        Type = type;
        Definition = definition;
        RoleArn = roleArn;
        Root = root;
        TimeoutSeconds = timeoutSeconds;
    }

    public string Name { get; }

    public string Arn { get; }

    public StateMachineType Type { get; }

    /// <summary>The definition text as given.</summary>
    public string Definition { get; }

    public string RoleArn { get; }

    /// <summary>The machine-level TimeoutSeconds, if any.</summary>
    public long? TimeoutSeconds { get; }

    internal StatesBlock Root { get; }
}
