using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrderSaga.Workers;

/// <summary>Small conversions between domain values and DynamoDB attributes, shared by the repositories.</summary>
internal static class DynamoItems
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue N(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue N(double value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    public static string String(Dictionary<string, AttributeValue> item, string name) => item[name].S;

    public static decimal Decimal(Dictionary<string, AttributeValue> item, string name) =>
        decimal.Parse(item[name].N, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static double Double(Dictionary<string, AttributeValue> item, string name) =>
        double.Parse(item[name].N, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> Key(string name, string value) => new() { [name] = S(value) };

    /// <summary>Runs a conditional write; false when its condition failed, which the callers treat as "already done".</summary>
    public static async Task<bool> TryConditionalAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Writes an item unless one with its key exists; false when it does.</summary>
    public static Task<bool> TryPutNewAsync(
        IAmazonDynamoDB client, string table, string keyAttribute, Dictionary<string, AttributeValue> item, CancellationToken cancellationToken) =>
        TryConditionalAsync(() => client.PutItemAsync(
            new PutItemRequest
            {
                TableName = table,
                Item = item,
                ConditionExpression = "attribute_not_exists(#key)",
                ExpressionAttributeNames = new() { ["#key"] = keyAttribute },
            },
            cancellationToken));

    /// <summary>Moves an item's <c>status</c> from one value to another; false when it is missing or not in <paramref name="from"/>.</summary>
    public static Task<bool> TryChangeStatusAsync(
        IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> key, string from, string to, CancellationToken cancellationToken) =>
        TryConditionalAsync(() => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = key,
                UpdateExpression = "SET #status = :to",
                ConditionExpression = "#status = :from",
                ExpressionAttributeNames = new() { ["#status"] = "status" },
                ExpressionAttributeValues = new() { [":to"] = S(to), [":from"] = S(from) },
            },
            cancellationToken));

    /// <summary>A consistent read of one item; null when absent.</summary>
    public static async Task<Dictionary<string, AttributeValue>?> GetAsync(
        IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
