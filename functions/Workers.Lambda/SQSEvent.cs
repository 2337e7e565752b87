using System.Text.Json.Serialization;

namespace Workers.Lambda;

/// <summary>
/// The event Lambda's SQS event source mapping sends, with AWS's wire names (note <c>Records</c> and
/// <c>eventSourceARN</c>); the same shape as Amazon.Lambda.SQSEvents' SQSEvent. Pair it with
/// <see cref="SQSBatchResponse"/> when the mapping has <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>.
/// </summary>
public sealed record SQSEvent
{
    /// <summary>The messages of the batch.</summary>
    [JsonPropertyName("Records")]
    public IList<SQSMessage> Records { get; init; } = [];

    /// <summary>One SQS message.</summary>
    public sealed record SQSMessage
    {
        /// <summary>The message id; the <c>itemIdentifier</c> of a batch item failure.</summary>
        [JsonPropertyName("messageId")]
        public string? MessageId { get; init; }

        /// <summary>The receipt handle.</summary>
        [JsonPropertyName("receiptHandle")]
        public string? ReceiptHandle { get; init; }

        /// <summary>The message body.</summary>
        [JsonPropertyName("body")]
        public string? Body { get; init; }

        /// <summary>System attributes (ApproximateReceiveCount, SentTimestamp, SenderId, MessageGroupId, …).</summary>
        [JsonPropertyName("attributes")]
        public IDictionary<string, string>? Attributes { get; init; }

        /// <summary>Message attributes set by the sender.</summary>
        [JsonPropertyName("messageAttributes")]
        public IDictionary<string, MessageAttribute>? MessageAttributes { get; init; }

        /// <summary>MD5 of the body.</summary>
        [JsonPropertyName("md5OfBody")]
        public string? Md5OfBody { get; init; }

        /// <summary>MD5 of the message attributes, when there are any.</summary>
        [JsonPropertyName("md5OfMessageAttributes")]
        public string? Md5OfMessageAttributes { get; init; }

        /// <summary>Always <c>aws:sqs</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; init; }

        /// <summary>The queue ARN (wire name <c>eventSourceARN</c>).</summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; init; }

        /// <summary>The queue's region.</summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; init; }
    }

    /// <summary>A message attribute; binary values are base64 in JSON.</summary>
    public sealed record MessageAttribute
    {
        /// <summary>The value of a String or Number attribute.</summary>
        [JsonPropertyName("stringValue")]
        public string? StringValue { get; init; }

        /// <summary>The value of a Binary attribute.</summary>
        [JsonPropertyName("binaryValue")]
        public byte[]? BinaryValue { get; init; }

        /// <summary>Reserved by SQS; always empty today.</summary>
        [JsonPropertyName("stringListValues")]
        public IList<string>? StringListValues { get; init; }

        /// <summary>Reserved by SQS; always empty today.</summary>
        [JsonPropertyName("binaryListValues")]
        public IList<byte[]>? BinaryListValues { get; init; }

        /// <summary>String, Number or Binary, optionally with a custom suffix (<c>Number.int</c>).</summary>
        [JsonPropertyName("dataType")]
        public string? DataType { get; init; }
    }
}
