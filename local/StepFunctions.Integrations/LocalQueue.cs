using System.Security.Cryptography;
using System.Text;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// An in-process SQS standard queue: send, receive (long polling), delete, visibility timeout, and redrive to a
/// dead-letter queue once a message has been received <see cref="MaxReceiveCount"/> times without being deleted.
/// Time comes from the engine's clock, so tests move visibility timeouts with a virtual clock.
/// </summary>
public sealed class LocalQueue
{
    /// <summary>SQS's message size quota (256 KiB).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _messages = new();
    private readonly IClock _clock;
    private TaskCompletionSource _arrived = NewSignal();

    internal LocalQueue(string name, string url, string arn, IClock clock, TimeSpan visibilityTimeout, int maxReceiveCount, LocalQueue? deadLetterQueue)
    {
        Name = name;
        Url = url;
        Arn = arn;
        _clock = clock;
        VisibilityTimeout = visibilityTimeout;
        MaxReceiveCount = maxReceiveCount;
        DeadLetterQueue = deadLetterQueue;
    }

    public string Name { get; }

    /// <summary>The queue URL tasks pass as <c>QueueUrl</c>.</summary>
    public string Url { get; }

    public string Arn { get; }

    /// <summary>How long a received message stays hidden before it can be received again.</summary>
    public TimeSpan VisibilityTimeout { get; }

    /// <summary>Receives after which a message moves to <see cref="DeadLetterQueue"/>; 0 for no redrive.</summary>
    public int MaxReceiveCount { get; }

    public LocalQueue? DeadLetterQueue { get; }

    /// <summary>Messages in the queue, visible or in flight.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Adds a message; returns its id and the MD5 of its body.</summary>
    /// <exception cref="ArgumentException">The body is empty or over 256 KiB.</exception>
    public (string MessageId, string MD5OfBody) Send(string body, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var size = Encoding.UTF8.GetByteCount(body);
        if (size is 0 or > MaxMessageBytes)
        {
            throw new ArgumentException($"One or more parameters are invalid. Reason: Message must be shorter than {MaxMessageBytes} bytes and not empty.", nameof(body));
        }

        var entry = new Entry(Guid.NewGuid().ToString(), body, Md5(body), attributes ?? new Dictionary<string, string>());
        lock (_gate)
        {
            _messages.AddLast(entry);
            _arrived.TrySetResult();
            _arrived = NewSignal();
        }

        return (entry.MessageId, entry.Md5);
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> visible messages, waiting up to <paramref name="wait"/> (wall time)
    /// for one to arrive when the queue is empty. Each received message is hidden for the visibility timeout.
    /// </summary>
    public async Task<IReadOnlyList<LocalMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan wait = default, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var received = TakeVisible(maxMessages);
                if (received.Count > 0)
                {
                    return received;
                }

                arrived = _arrived.Task;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return [];
            }

            await Task.WhenAny(arrived, Task.Delay(remaining, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Deletes a received message; false when the receipt handle is unknown (already deleted or redriven).</summary>
    public bool Delete(string receiptHandle)
    {
        lock (_gate)
        {
            var node = Find(receiptHandle);
            if (node is null)
            {
                return false;
            }

            _messages.Remove(node);
            return true;
        }
    }

    /// <summary>Makes a received message visible again after <paramref name="timeout"/> (zero: at once).</summary>
    public bool ChangeVisibility(string receiptHandle, TimeSpan timeout)
    {
        lock (_gate)
        {
            var node = Find(receiptHandle);
            if (node is null)
            {
                return false;
            }

            node.Value.VisibleAt = _clock.UtcNow + timeout;
            _arrived.TrySetResult();
            _arrived = NewSignal();
            return true;
        }
    }

    private List<LocalMessage> TakeVisible(int maxMessages)
    {
        var now = _clock.UtcNow;
        var received = new List<LocalMessage>();
        var node = _messages.First;
        while (node is not null && received.Count < maxMessages)
        {
            var next = node.Next;
            var entry = node.Value;
            if (entry.VisibleAt <= now)
            {
                if (DeadLetterQueue is not null && MaxReceiveCount > 0 && entry.ReceiveCount >= MaxReceiveCount)
                {
                    _messages.Remove(node);
                    DeadLetterQueue.Send(entry.Body, entry.Attributes);
                }
                else
                {
                    entry.ReceiveCount++;
                    entry.ReceiptHandle = Guid.NewGuid().ToString("N");
                    entry.VisibleAt = now + VisibilityTimeout;
                    received.Add(new LocalMessage(entry.MessageId, entry.ReceiptHandle, entry.Body, entry.Md5, entry.ReceiveCount, entry.Attributes));
                }
            }

            node = next;
        }

        return received;
    }

    private LinkedListNode<Entry>? Find(string receiptHandle)
    {
        for (var node = _messages.First; node is not null; node = node.Next)
        {
            if (node.Value.ReceiptHandle == receiptHandle)
            {
                return node;
            }
        }

        return null;
    }

    internal static string Md5(string body) =>
#pragma warning disable CA5351 // SQS defines MD5OfMessageBody; this is a checksum, not security.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Entry(string messageId, string body, string md5, IReadOnlyDictionary<string, string> attributes)
    {
        public string MessageId { get; } = messageId;

        public string Body { get; } = body;

        public string Md5 { get; } = md5;

        public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

        public int ReceiveCount { get; set; }

        public string? ReceiptHandle { get; set; }

        public DateTimeOffset VisibleAt { get; set; } = DateTimeOffset.MinValue;
    }
}
