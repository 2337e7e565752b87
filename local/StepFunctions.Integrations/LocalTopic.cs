using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace StepFunctions.Integrations;

/// <summary>
/// An in-process SNS topic: each publish fans out to subscribed queues (as SNS's JSON envelope, or the raw message)
/// and to callbacks, which run in the background as SNS delivers asynchronously. Callback failures are kept in
/// <see cref="DeliveryFailures"/>.
/// </summary>
public sealed class LocalTopic
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private readonly Asl.IClock _clock;

    internal LocalTopic(string name, string arn, Asl.IClock clock)
    {
        Name = name;
        Arn = arn;
        _clock = clock;
    }

    public string Name { get; }

    public string Arn { get; }

    /// <summary>Exceptions thrown by callback subscribers, in the order they happened.</summary>
    public IReadOnlyList<Exception> DeliveryFailures => [.. _failures];

    /// <summary>Delivers every later publish to <paramref name="queue"/>; dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe(LocalQueue queue, bool rawMessageDelivery = false)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return Add(new Subscriber(queue, rawMessageDelivery, null));
    }

    /// <summary>Calls <paramref name="callback"/> for every later publish (e.g. a Lambda function's invoke).</summary>
    public IDisposable Subscribe(Func<LocalNotification, CancellationToken, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(new Subscriber(null, false, callback));
    }

    /// <summary>Publishes a message to every subscriber and returns its id.</summary>
    public string Publish(string message, string? subject = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var notification = new LocalNotification(Guid.NewGuid().ToString(), Arn, message, subject, _clock.UtcNow, attributes ?? new Dictionary<string, string>());
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Queue is { } queue)
            {
                queue.Send(subscriber.Raw ? message : Envelope(notification), notification.MessageAttributes);
            }
            else
            {
                Deliver(subscriber.Callback!, notification);
            }
        }

        return notification.MessageId;
    }

    /// <summary>Completes when every callback delivery started so far has finished.</summary>
    public Task WhenDeliveredAsync() => Task.WhenAll(_deliveries.Keys);

    private void Deliver(Func<LocalNotification, CancellationToken, Task> callback, LocalNotification notification)
    {
        var delivery = Task.Run(async () =>
        {
            try
            {
                await callback(notification, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A subscriber's failure must not fail the publisher; it is recorded instead.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failures.Enqueue(e);
            }
        });
        _deliveries.TryAdd(delivery, 0);
        delivery.ContinueWith(done => _deliveries.TryRemove(done, out _), TaskScheduler.Default);
    }

    private IDisposable Add(Subscriber subscriber)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = subscriber;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    // The JSON SNS puts in an SQS message body when raw delivery is off.
    private static string Envelope(LocalNotification notification)
    {
        var envelope = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = notification.MessageId,
            ["TopicArn"] = notification.TopicArn,
        };
        if (notification.Subject is not null)
        {
            envelope["Subject"] = notification.Subject;
        }

        envelope["Message"] = notification.Message;
        envelope["Timestamp"] = notification.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        envelope["SignatureVersion"] = "1";
        if (notification.MessageAttributes.Count > 0)
        {
            var attributes = new JsonObject();
            foreach (var (name, value) in notification.MessageAttributes)
            {
                attributes[name] = new JsonObject { ["Type"] = "String", ["Value"] = value };
            }

            envelope["MessageAttributes"] = attributes;
        }

        return envelope.ToJsonString();
    }

    private sealed record Subscriber(LocalQueue? Queue, bool Raw, Func<LocalNotification, CancellationToken, Task>? Callback);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
