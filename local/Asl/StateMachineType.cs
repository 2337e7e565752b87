namespace Asl;

/// <summary>The two workflow types; they differ in which integrations and limits a definition may use.</summary>
public enum StateMachineType
{
    /// <summary>Long-running, exactly-once, with a recorded history.</summary>
    Standard,

    /// <summary>Short-lived, at-least-once; no callbacks, no <c>.sync</c>, no activities.</summary>
    Express,
}
