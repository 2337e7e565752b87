using System.Collections.Concurrent;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// The in-process SQS queues and SNS topics that <c>sqs:sendMessage</c> and <c>sns:publish</c> reach when no
/// SQS_ENDPOINT / SNS_ENDPOINT is set. The <c>up</c> command creates the template's queues and topics here and
/// subscribes its functions.
/// </summary>
public sealed class LocalMessageBroker(string region = "us-east-1", string accountId = "123456789012", IClock? clock = null)
{
    private readonly ConcurrentDictionary<string, LocalQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalTopic> _topics = new(StringComparer.Ordinal);
    private readonly IClock _clock = clock ?? new RealClock();

    /// <summary>Every queue, by name.</summary>
    public IReadOnlyDictionary<string, LocalQueue> Queues => _queues;

    /// <summary>Every topic, by name.</summary>
    public IReadOnlyDictionary<string, LocalTopic> Topics => _topics;

    /// <summary>Creates a queue (or returns the existing one with that name), URL <c>https://sqs.&lt;region&gt;.amazonaws.com/&lt;account&gt;/&lt;name&gt;</c>.</summary>
    public LocalQueue CreateQueue(string name, TimeSpan? visibilityTimeout = null, LocalQueue? deadLetterQueue = null, int maxReceiveCount = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _queues.GetOrAdd(name, n => new LocalQueue(
            n,
            $"https://sqs.{region}.amazonaws.com/{accountId}/{n}",
            $"arn:aws:sqs:{region}:{accountId}:{n}",
            _clock,
            visibilityTimeout ?? TimeSpan.FromSeconds(30),
            maxReceiveCount,
            deadLetterQueue));
    }

    /// <summary>Creates a topic (or returns the existing one), ARN <c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>.</summary>
    public LocalTopic CreateTopic(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _topics.GetOrAdd(name, n => new LocalTopic(n, $"arn:aws:sns:{region}:{accountId}:{n}", _clock));
    }

    /// <summary>The queue a QueueUrl (any host), queue ARN or queue name names, or null.</summary>
    public LocalQueue? FindQueue(string urlArnOrName)
    {
        ArgumentNullException.ThrowIfNull(urlArnOrName);
        var name = urlArnOrName.StartsWith("arn:", StringComparison.Ordinal)
            ? urlArnOrName[(urlArnOrName.LastIndexOf(':') + 1)..]
            : urlArnOrName.TrimEnd('/')[(urlArnOrName.TrimEnd('/').LastIndexOf('/') + 1)..];
        return _queues.TryGetValue(name, out var queue) ? queue : null;
    }

    /// <summary>The topic with this ARN, or null.</summary>
    public LocalTopic? FindTopic(string topicArn)
    {
        ArgumentNullException.ThrowIfNull(topicArn);
        return _topics.Values.FirstOrDefault(t => t.Arn == topicArn);
    }
}
