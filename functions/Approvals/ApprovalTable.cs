using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Approvals;

/// <summary>
/// The approvals table: one item per approval, keyed by approvalId, with its task token and a status that moves
/// once from PENDING to APPROVED, REJECTED or EXPIRED. The <c>byStatus</c> index lists approvals by status.
/// </summary>
public sealed class ApprovalTable(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>Waiting for a decision.</summary>
    public const string Pending = "PENDING";

    /// <summary>Approved by an approver.</summary>
    public const string Approved = "APPROVED";

    /// <summary>Rejected by an approver.</summary>
    public const string Rejected = "REJECTED";

    /// <summary>Nobody decided in time.</summary>
    public const string Expired = "EXPIRED";

    /// <summary>The name of the index by status.</summary>
    public const string StatusIndex = "byStatus";

    /// <summary>Every status an approval can have.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [Pending, Approved, Rejected, Expired];

    /// <summary>The outcome of <see cref="DecideAsync"/>.</summary>
    public enum DecideResult
    {
        /// <summary>This call decided; the token is in the item.</summary>
        Decided,

        /// <summary>No approval has this id.</summary>
        NotFound,

        /// <summary>The approval was decided (or expired) before.</summary>
        AlreadyDecided,

        /// <summary>The approval is recorded but its task token has not arrived yet.</summary>
        NotReady,
    }

    /// <summary>Stores the request with its token while it is PENDING (or new); false when a decision is already there.</summary>
    public async Task<bool> RecordAsync(ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(request.ApprovalId),
                    UpdateExpression = "SET orderId = :orderId, amount = :amount, taskToken = :token, #status = :pending, requestedAt = if_not_exists(requestedAt, :now)",
                    ConditionExpression = "attribute_not_exists(approvalId) OR #status = :pending",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":orderId"] = new() { S = request.OrderId },
                        [":amount"] = new() { N = request.Amount.ToString(CultureInfo.InvariantCulture) },
                        [":token"] = new() { S = request.TaskToken },
                        [":pending"] = new() { S = Pending },
                        [":now"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
                    },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The approval, or null when the id is unknown.</summary>
    public async Task<ApprovalView?> FindAsync(string approvalId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(approvalId), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? View(item) : null;
    }

    /// <summary>Every approval in a status, newest request first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ApprovalView>> ListAsync(string status, int limit, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                IndexName = StatusIndex,
                KeyConditionExpression = "#status = :status",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":status"] = new() { S = status } },
                Limit = limit,
            },
            cancellationToken);
        return [.. (response.Items ?? []).Select(View).OrderByDescending(v => v.RequestedAt, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Moves a PENDING approval with a token to <paramref name="status"/> in one conditional write, so of two
    /// racing decisions exactly one wins. Returns the outcome and, when decided, the task token.
    /// </summary>
    public async Task<(DecideResult Result, string? TaskToken)> DecideAsync(
        string approvalId, string status, string approver, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":decided"] = new() { S = status },
            [":pending"] = new() { S = Pending },
            [":approver"] = new() { S = approver },
            [":now"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
        };
        var update = "SET #status = :decided, decidedBy = :approver, decidedAt = :now";
        if (!string.IsNullOrEmpty(reason))
        {
            values[":reason"] = new() { S = reason };
            update += ", reason = :reason";
        }

        try
        {
            var response = await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(approvalId),
                    UpdateExpression = update,
                    ConditionExpression = "#status = :pending AND attribute_exists(taskToken)",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                    ExpressionAttributeValues = values,
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken);
            return (DecideResult.Decided, response.Attributes["taskToken"].S);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await FindAsync(approvalId, cancellationToken);
            return current is null ? (DecideResult.NotFound, null)
                : current.Status == Pending ? (DecideResult.NotReady, null)
                : (DecideResult.AlreadyDecided, null);
        }
    }

    /// <summary>Marks a decided approval EXPIRED when Step Functions says its task already timed out.</summary>
    public Task ExpireAsync(string approvalId, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(approvalId),
                UpdateExpression = "SET #status = :expired",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expired"] = new() { S = Expired } },
            },
            cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string approvalId) => new() { ["approvalId"] = new() { S = approvalId } };

    private static ApprovalView View(Dictionary<string, AttributeValue> item)
    {
        string? Text(string name) => item.TryGetValue(name, out var value) ? value.S : null;
        var amount = item.TryGetValue("amount", out var n) && n.N is not null ? decimal.Parse(n.N, CultureInfo.InvariantCulture) : 0m;
        return new ApprovalView(
            Text("approvalId") ?? string.Empty,
            Text("orderId") ?? string.Empty,
            amount,
            Text("status") ?? string.Empty,
            Text("requestedAt"),
            Text("decidedBy"),
            Text("decidedAt"),
            Text("reason"));
    }
}
