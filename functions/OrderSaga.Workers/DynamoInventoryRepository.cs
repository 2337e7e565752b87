using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workers.Domain;
using static OrderSaga.Workers.DynamoItems;

namespace OrderSaga.Workers;

/// <summary>
/// Stock in INVENTORY_TABLE: partition key <c>sku</c> (S), units on hand in <c>available</c> (N). Taking stock is one
/// conditional update (<c>available &gt;= :quantity</c>), so concurrent reservations can never drive it below zero.
/// </summary>
public sealed class DynamoInventoryRepository(IAmazonDynamoDB client, string tableName) : IInventoryRepository
{
    /// <summary>The attribute holding the units on hand.</summary>
    public const string AvailableAttribute = "available";

    /// <inheritdoc />
    public Task<bool> TryTakeAsync(string sku, int quantity, CancellationToken cancellationToken) =>
        TryConditionalAsync(() => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("sku", sku),
                UpdateExpression = "SET #available = #available - :quantity",
                ConditionExpression = "#available >= :quantity",
                ExpressionAttributeNames = new() { ["#available"] = AvailableAttribute },
                ExpressionAttributeValues = new() { [":quantity"] = N(quantity) },
            },
            cancellationToken));

    /// <inheritdoc />
    public Task PutBackAsync(string sku, int quantity, CancellationToken cancellationToken) =>
        client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("sku", sku),
                UpdateExpression = "ADD #available :quantity",
                ExpressionAttributeNames = new() { ["#available"] = AvailableAttribute },
                ExpressionAttributeValues = new() { [":quantity"] = N(quantity) },
            },
            cancellationToken);
}
