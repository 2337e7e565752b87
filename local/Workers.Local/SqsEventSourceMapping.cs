using System.Globalization;
using System.Text.Json;
using Lambda.Local;
using StepFunctions.Integrations;
using Template;

namespace Workers.Local;

/// <summary>
/// An SQS event source mapping over an in-process queue, as Lambda runs one: long-polls up to <c>BatchSize</c>
/// messages, invokes the function with an SQS event, deletes what succeeded. A function error leaves the whole batch;
/// with <c>ReportBatchItemFailures</c> only the listed messages stay. Messages left reappear after the queue's
/// visibility timeout, and the queue moves them to its dead-letter queue after <c>maxReceiveCount</c> receives.
/// </summary>
internal sealed class SqsEventSourceMapping : IAsyncDisposable
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly LocalQueue _queue;
    private readonly SqsEvent _source;
    private readonly string _functionName;
    private readonly LambdaEmulator _lambda;
    private readonly string _region;
    private readonly Task _loop;

    public SqsEventSourceMapping(LocalQueue queue, SqsEvent source, string functionName, LambdaEmulator lambda, string region)
    {
        _queue = queue;
        _source = source;
        _functionName = functionName;
        _lambda = lambda;
        _region = region;
        _loop = Task.Run(() => PollAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out of the loop.
        }

        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var reportsFailures = _source.FunctionResponseTypes.Contains("ReportBatchItemFailures");
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await _queue.ReceiveAsync(Math.Clamp(_source.BatchSize, 1, 10), LongPoll, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                continue;
            }

            HashSet<string> failed;
            try
            {
                var result = await _lambda.InvokeAsync(_functionName, Event(batch), cancellationToken: cancellationToken).ConfigureAwait(false);
                failed = result.FunctionError is not null
                    ? [.. batch.Select(m => m.MessageId)]
                    : reportsFailures ? FailedItems(result.Payload, batch) : [];
            }
            catch (LambdaServiceException)
            {
                // Throttled or shutting down: Lambda leaves the batch in the queue to be received again.
                continue;
            }

            foreach (var message in batch.Where(m => !failed.Contains(m.MessageId)))
            {
                _queue.Delete(message.ReceiptHandle);
            }
        }
    }

    private byte[] Event(IReadOnlyList<LocalMessage> batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var message in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", message.MessageId);
                writer.WriteString("receiptHandle", message.ReceiptHandle);
                writer.WriteString("body", message.Body);
                writer.WriteStartObject("attributes");
                writer.WriteString("ApproximateReceiveCount", message.ReceiveCount.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("SentTimestamp", sentAt);
                writer.WriteString("SenderId", "123456789012");
                writer.WriteString("ApproximateFirstReceiveTimestamp", sentAt);
                writer.WriteEndObject();
                writer.WriteStartObject("messageAttributes");
                foreach (var (name, value) in message.Attributes)
                {
                    writer.WriteStartObject(name);
                    writer.WriteString("stringValue", value);
                    writer.WriteString("dataType", "String");
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteString("md5OfBody", message.MD5OfBody);
                writer.WriteString("eventSource", "aws:sqs");
                writer.WriteString("eventSourceARN", _queue.Arn);
                writer.WriteString("awsRegion", _region);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The message ids a function listed in <c>batchItemFailures</c>; an unreadable answer fails the whole batch, as Lambda treats it.</summary>
    private static HashSet<string> FailedItems(ReadOnlyMemory<byte> payload, IReadOnlyList<LocalMessage> batch)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (!document.RootElement.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. failures.EnumerateArray()
                .Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("itemIdentifier", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(f => f.GetProperty("itemIdentifier").GetString()!)];
        }
        catch (JsonException)
        {
            return [.. batch.Select(m => m.MessageId)];
        }
    }
}
