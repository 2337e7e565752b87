using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workers.Domain;

namespace Orders.Api;

/// <summary>
/// The orders table: one item per order id with its status, written PENDING here and moved on by the saga's direct
/// DynamoDB updates. The item keeps a hash of the accepted order so a repeated POST is told apart from a different
/// order reusing the id.
/// </summary>
public sealed class OrderTable(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>The status an accepted order starts in.</summary>
    public const string Pending = "PENDING";

    /// <summary>Writes the order PENDING unless its id exists; returns the hash stored under the id (its own when new).</summary>
    public async Task<string> AddAsync(Order order, string orderHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = order.Total();
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["orderId"] = new() { S = order.OrderId },
                        ["status"] = new() { S = Pending },
                        ["customerId"] = new() { S = order.CustomerId },
                        ["amount"] = new() { N = total.Amount.ToString(CultureInfo.InvariantCulture) },
                        ["currency"] = new() { S = total.Currency },
                        ["orderHash"] = new() { S = orderHash },
                        ["createdAt"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
                    },
                    ConditionExpression = "attribute_not_exists(orderId)",
                },
                cancellationToken);
            return orderHash;
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await GetItemAsync(order.OrderId, cancellationToken);
            return existing is not null && existing.TryGetValue("orderHash", out var hash) ? hash.S : string.Empty;
        }
    }

    /// <summary>The order's view, or null when the id is unknown.</summary>
    public async Task<OrderView?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(orderId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        string Text(string name) => item.TryGetValue(name, out var value) && value.S is not null ? value.S : string.Empty;
        var amount = item.TryGetValue("amount", out var n) && n.N is not null ? decimal.Parse(n.N, CultureInfo.InvariantCulture) : 0m;
        return new OrderView(orderId, Text("status"), Text("customerId"), amount, Text("currency"), Text("createdAt"), item.TryGetValue("updatedAt", out var u) ? u.S : null);
    }

    private async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest
            {
                TableName = tableName,
                Key = new Dictionary<string, AttributeValue> { ["orderId"] = new() { S = orderId } },
                ConsistentRead = true,
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
