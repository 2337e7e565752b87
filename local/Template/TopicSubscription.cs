namespace Template;

/// <summary>An inline subscription of an SNS topic.</summary>
public sealed record TopicSubscription(string Protocol, string Endpoint);
