namespace Template;

/// <summary>An <c>AWS::SNS::Topic</c> with its inline subscriptions.</summary>
public sealed record TopicResource(string LogicalId, string TopicName, string Arn)
{
    public IReadOnlyList<TopicSubscription> Subscriptions { get; init; } = [];
}
