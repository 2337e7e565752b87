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

    /// <summary>A consistent read of one item; null when absent.</summary>
    public static async Task<Dictionary<string, AttributeValue>?> GetAsync(
        IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
