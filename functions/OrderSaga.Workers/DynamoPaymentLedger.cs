using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workers.Domain;
using static OrderSaga.Workers.DynamoItems;

namespace OrderSaga.Workers;

/// <summary>
/// The payment ledger in PAYMENTS_TABLE, partition key <c>id</c> (S), one table for four kinds of item:
/// <c>charge#&lt;orderId&gt;</c> and <c>refund#&lt;orderId&gt;</c> (the money movements, each written once with
/// <c>attribute_not_exists</c>), <c>customer#&lt;customerId&gt;#&lt;currency&gt;</c> (the customer's
/// <c>outstanding</c> amount) and <c>attempts#&lt;orderId&gt;</c> (provider attempts, for <c>tok_flaky_N</c>).
/// </summary>
public sealed class DynamoPaymentLedger(IAmazonDynamoDB client, string tableName) : IPaymentLedger
{
    /// <inheritdoc />
    public async Task<Payment?> GetChargeAsync(string orderId, CancellationToken cancellationToken) =>
        await DynamoItems.GetAsync(client, tableName, Key("id", $"charge#{orderId}"), cancellationToken) is { } item
            ? new Payment(
                String(item, "paymentId"),
                orderId,
                String(item, "customerId"),
                new Money(Decimal(item, "amount"), String(item, "currency")),
                Double(item, "fraudScore"))
            : null;

    /// <inheritdoc />
    public Task<bool> TryRecordChargeAsync(Payment payment, CancellationToken cancellationToken) =>
        TryPutNewAsync(
            client,
            tableName,
            "id",
            new()
            {
                ["id"] = S($"charge#{payment.OrderId}"),
                ["paymentId"] = S(payment.PaymentId),
                ["orderId"] = S(payment.OrderId),
                ["customerId"] = S(payment.CustomerId),
                ["amount"] = N(payment.Amount.Amount),
                ["currency"] = S(payment.Amount.Currency),
                ["fraudScore"] = N(payment.FraudScore),
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<Refund?> GetRefundAsync(string orderId, CancellationToken cancellationToken) =>
        await DynamoItems.GetAsync(client, tableName, Key("id", $"refund#{orderId}"), cancellationToken) is { } item
            ? new Refund(
                String(item, "refundId"),
                orderId,
                String(item, "paymentId"),
                String(item, "customerId"),
                new Money(Decimal(item, "amount"), String(item, "currency")))
            : null;

    /// <inheritdoc />
    public Task<bool> TryRecordRefundAsync(Refund refund, CancellationToken cancellationToken) =>
        TryPutNewAsync(
            client,
            tableName,
            "id",
            new()
            {
                ["id"] = S($"refund#{refund.OrderId}"),
                ["refundId"] = S(refund.RefundId),
                ["paymentId"] = S(refund.PaymentId),
                ["orderId"] = S(refund.OrderId),
                ["customerId"] = S(refund.CustomerId),
                ["amount"] = N(refund.Amount.Amount),
                ["currency"] = S(refund.Amount.Currency),
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryAddOutstandingAsync(string customerId, Money amount, decimal limit, CancellationToken cancellationToken)
    {
        if (amount.Amount > limit)
        {
            return Task.FromResult(false);
        }

        // A condition cannot add, so the headroom (limit - amount) is computed here and compared with the stored total.
        return TryConditionalAsync(() => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("id", CustomerKey(customerId, amount.Currency)),
                UpdateExpression = "ADD #outstanding :amount",
                ConditionExpression = "attribute_not_exists(#outstanding) OR #outstanding <= :headroom",
                ExpressionAttributeNames = new() { ["#outstanding"] = "outstanding" },
                ExpressionAttributeValues = new() { [":amount"] = N(amount.Amount), [":headroom"] = N(limit - amount.Amount) },
            },
            cancellationToken));
    }

    /// <inheritdoc />
    public Task SubtractOutstandingAsync(string customerId, Money amount, CancellationToken cancellationToken) =>
        client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("id", CustomerKey(customerId, amount.Currency)),
                UpdateExpression = "ADD #outstanding :amount",
                ExpressionAttributeNames = new() { ["#outstanding"] = "outstanding" },
                ExpressionAttributeValues = new() { [":amount"] = N(-amount.Amount) },
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<Money> GetOutstandingAsync(string customerId, string currency, CancellationToken cancellationToken) =>
        new(
            await DynamoItems.GetAsync(client, tableName, Key("id", CustomerKey(customerId, currency)), cancellationToken) is { } item
                ? Decimal(item, "outstanding")
                : 0m,
            currency);

    /// <inheritdoc />
    public async Task<int> CountProviderAttemptAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("id", $"attempts#{orderId}"),
                UpdateExpression = "ADD #attempts :one",
                ExpressionAttributeNames = new() { ["#attempts"] = "attempts" },
                ExpressionAttributeValues = new() { [":one"] = N(1) },
                ReturnValues = ReturnValue.UPDATED_NEW,
            },
            cancellationToken);
        return int.Parse(response.Attributes["attempts"].N, CultureInfo.InvariantCulture);
    }

    private static string CustomerKey(string customerId, string currency) => $"customer#{customerId}#{currency}";
}
