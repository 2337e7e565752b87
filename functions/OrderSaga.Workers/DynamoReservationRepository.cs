using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workers.Domain;
using static OrderSaga.Workers.DynamoItems;

namespace OrderSaga.Workers;

/// <summary>
/// Reservations in RESERVATIONS_TABLE: partition key <c>orderId</c> (S); <c>reservationId</c>, <c>status</c>
/// (ACTIVE or RELEASED) and <c>lines</c> (a list of maps with <c>sku</c> and <c>quantity</c>).
/// </summary>
public sealed class DynamoReservationRepository(IAmazonDynamoDB client, string tableName) : IReservationRepository
{
    private const string Active = "ACTIVE";
    private const string Released = "RELEASED";

    /// <inheritdoc />
    public Task<bool> TryAddAsync(Reservation reservation, CancellationToken cancellationToken) =>
        TryConditionalAsync(() => client.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    ["orderId"] = S(reservation.OrderId),
                    ["reservationId"] = S(reservation.ReservationId),
                    ["status"] = S(reservation.Status == ReservationStatus.Active ? Active : Released),
                    ["lines"] = new AttributeValue
                    {
                        L = [.. reservation.Lines.Select(line => new AttributeValue { M = new() { ["sku"] = S(line.Sku), ["quantity"] = N(line.Quantity) } })],
                    },
                },
                ConditionExpression = "attribute_not_exists(orderId)",
            },
            cancellationToken));

    /// <inheritdoc />
    public async Task<Reservation?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        await DynamoItems.GetAsync(client, tableName, Key("orderId", orderId), cancellationToken) is { } item
            ? new Reservation(
                String(item, "reservationId"),
                orderId,
                [.. item["lines"].L.Select(line => new ReservedLine(String(line.M, "sku"), int.Parse(line.M["quantity"].N, CultureInfo.InvariantCulture)))],
                String(item, "status") == Active ? ReservationStatus.Active : ReservationStatus.Released)
            : null;

    /// <inheritdoc />
    public Task<bool> TryReleaseAsync(string orderId, CancellationToken cancellationToken) =>
        TryConditionalAsync(() => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("orderId", orderId),
                UpdateExpression = "SET #status = :released",
                ConditionExpression = "#status = :active",
                ExpressionAttributeNames = new() { ["#status"] = "status" },
                ExpressionAttributeValues = new() { [":released"] = S(Released), [":active"] = S(Active) },
            },
            cancellationToken));
}
