namespace Template;

/// <summary>An <c>AWS::SQS::Queue</c> with its redrive policy.</summary>
public sealed record QueueResource(string LogicalId, string QueueName, string QueueUrl, string Arn)
{
    /// <summary>Seconds; SQS's default is 30.</summary>
    public int VisibilityTimeout { get; init; } = 30;

    /// <summary>Seconds; SQS's default is 4 days.</summary>
    public int MessageRetentionPeriod { get; init; } = 345600;

    public bool FifoQueue { get; init; }

    /// <summary><c>RedrivePolicy.deadLetterTargetArn</c>.</summary>
    public string? DeadLetterTargetArn { get; init; }

    /// <summary><c>RedrivePolicy.maxReceiveCount</c>.</summary>
    public int? MaxReceiveCount { get; init; }
}
