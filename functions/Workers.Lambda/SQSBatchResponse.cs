using System.Text.Json.Serialization;

namespace Workers.Lambda;

/// <summary>
/// A partial batch failure report, <c>{"batchItemFailures":[{"itemIdentifier":"&lt;messageId&gt;"}]}</c>.
/// Only the listed messages return to the queue; an empty list means the whole batch succeeded, while throwing
/// fails the whole batch. Lambda honours it only with <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>.
/// </summary>
public sealed record SQSBatchResponse
{
    /// <summary>Creates an empty report (every message succeeded).</summary>
    public SQSBatchResponse()
    {
    }

    /// <summary>Creates a report of the given failures.</summary>
    public SQSBatchResponse(IList<BatchItemFailure> batchItemFailures)
    {
        BatchItemFailures = batchItemFailures;
    }

    /// <summary>The messages to retry.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure> BatchItemFailures { get; init; } = [];

    /// <summary>One failed message.</summary>
    public sealed record BatchItemFailure
    {
        /// <summary>The failed message's <c>messageId</c>; empty or unknown ids fail the whole batch.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; init; }
    }
}
