namespace StepFunctions.Integrations;

/// <summary>One event put on the in-process <see cref="LocalEventBus"/>.</summary>
public sealed record LocalEvent(
    string EventId,
    string EventBusName,
    string Source,
    string DetailType,
    string Detail,
    IReadOnlyList<string> Resources,
    DateTimeOffset Time);
