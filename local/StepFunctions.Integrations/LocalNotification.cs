namespace StepFunctions.Integrations;

/// <summary>One message published to a <see cref="LocalTopic"/>, as its subscribers receive it.</summary>
public sealed record LocalNotification(
    string MessageId,
    string TopicArn,
    string Message,
    string? Subject,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> MessageAttributes);
