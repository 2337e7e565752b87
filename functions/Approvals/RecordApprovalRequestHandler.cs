using System.Text.Json;
using Workers.Idempotency;
using Workers.Lambda;

namespace Approvals;

/// <summary>
/// The approval queue's consumer: stores each request's <c>{approvalId, orderId, amount, taskToken}</c> PENDING,
/// once per approval id (Workers.Idempotency), and reports the messages it could not store as batch item failures
/// so only those are redelivered (and, after the queue's maxReceiveCount, moved to the dead-letter queue).
/// </summary>
public sealed class RecordApprovalRequestHandler
{
    private readonly ApprovalTable _approvals;
    private readonly TimeProvider _timeProvider;
    private readonly IdempotentOperation<ApprovalRequest, ApprovalRecorded> _once;

    /// <summary>Creates the consumer over the approvals table.</summary>
    public RecordApprovalRequestHandler(ApprovalTable approvals, IdempotencyOptions idempotency)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        _approvals = approvals;
        _timeProvider = idempotency.TimeProvider;
        _once = Idempotent.For<ApprovalRequest, ApprovalRecorded>(idempotency)
            .WithKey(request => request.ApprovalId)
            .WithMethodName("RecordApprovalRequest");
    }

    /// <summary>Handles one SQS batch.</summary>
    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        ArgumentNullException.ThrowIfNull(context);
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in sqsEvent.Records)
        {
            try
            {
                var request = Parse(message.Body);
                await _once.ExecuteAsync(request, context, StoreAsync);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or IdempotencyAlreadyInProgressException
                or IdempotencyPersistenceLayerException or Amazon.Runtime.AmazonServiceException)
            {
                context.Logger.LogWarning($"approval request {message.MessageId} not stored: {e.GetType().Name}: {e.Message}");
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse(failures);
    }

    private async Task<ApprovalRecorded> StoreAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        new(request.ApprovalId, await _approvals.RecordAsync(request, _timeProvider.GetUtcNow(), cancellationToken));

    private static ApprovalRequest Parse(string? body)
    {
        var request = JsonSerializer.Deserialize(body ?? "null", ApprovalsJson.Default.ApprovalRequest)
            ?? throw new ArgumentException("the message body is not an approval request");
        if (string.IsNullOrWhiteSpace(request.ApprovalId) || string.IsNullOrWhiteSpace(request.OrderId) || string.IsNullOrWhiteSpace(request.TaskToken))
        {
            throw new ArgumentException("approvalId, orderId and taskToken are required");
        }

        return request;
    }
}
