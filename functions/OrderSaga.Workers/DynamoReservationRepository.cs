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
        TryPutNewAsync(
            client,
            tableName,
            "orderId",
            new()
            {
                ["orderId"] = S(reservation.OrderId),
                ["reservationId"] = S(reservation.ReservationId),
                ["status"] = S(reservation.Status == ReservationStatus.Active ? Active : Released),
                ["lines"] = new AttributeValue
                {
                    L = [.. reservation.Lines.Select(line => new AttributeValue { M = new() { ["sku"] = S(line.Sku), ["quantity"] = N(line.Quantity) } })],
                },
            },
            cancellationToken);

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
        TryChangeStatusAsync(client, tableName, Key("orderId", orderId), Active, Released, cancellationToken);
}
