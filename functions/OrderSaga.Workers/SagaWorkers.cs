using Amazon.DynamoDBv2;
using Workers.Domain;
using Workers.Idempotency;
using Workers.Lambda;

namespace OrderSaga.Workers;

/// <summary>
/// The order saga's handlers wired to their DynamoDB tables, built once per process so the idempotency store and its
/// settings are shared by every invocation. <see cref="Register"/> names each handler for <c>WORKERS_HANDLER</c>.
/// </summary>
public sealed class SagaWorkers
{
    /// <summary>Builds every handler over one DynamoDB client.</summary>
    /// <param name="dynamoDb">The client; its endpoint comes from the standard SDK settings (AWS_ENDPOINT_URL_DYNAMODB locally).</param>
    /// <param name="settings">Table names and payment settings.</param>
    /// <param name="timeProvider">The clock for idempotency expiry; the system clock when null.</param>
    public SagaWorkers(IAmazonDynamoDB dynamoDb, SagaSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var idempotency = new IdempotencyOptions
        {
            Store = new DynamoDBPersistenceStore(dynamoDb, new DynamoDBPersistenceStoreOptions { TableName = settings.IdempotencyTable }),
            JsonContext = SagaJson.Default,
            TimeProvider = timeProvider ?? TimeProvider.System,
        };
        var inventory = new InventoryService(
            new DynamoInventoryRepository(dynamoDb, settings.InventoryTable),
            new DynamoReservationRepository(dynamoDb, settings.ReservationsTable));
        var payments = new PaymentService(new DynamoPaymentLedger(dynamoDb, settings.PaymentsTable), settings.Payment);
        var shipments = new ShipmentService(new DynamoShipmentRepository(dynamoDb, settings.ShipmentsTable));

        ReserveInventory = new ReserveInventoryHandler(inventory, idempotency);
        ChargePayment = new ChargePaymentHandler(payments, idempotency);
        CreateShipment = new CreateShipmentHandler(shipments, idempotency);
        CancelShipment = new CancelShipmentHandler(shipments, idempotency);
        RefundPayment = new RefundPaymentHandler(payments, idempotency);
        ReleaseInventory = new ReleaseInventoryHandler(inventory, idempotency);
    }

    /// <summary>ValidateOrder.</summary>
    public ValidateOrderHandler ValidateOrder { get; } = new();

    /// <summary>ReserveInventory.</summary>
    public ReserveInventoryHandler ReserveInventory { get; }

    /// <summary>ChargePayment.</summary>
    public ChargePaymentHandler ChargePayment { get; }

    /// <summary>CreateShipment.</summary>
    public CreateShipmentHandler CreateShipment { get; }

    /// <summary>CancelShipment (compensation).</summary>
    public CancelShipmentHandler CancelShipment { get; }

    /// <summary>RefundPayment (compensation).</summary>
    public RefundPaymentHandler RefundPayment { get; }

    /// <summary>ReleaseInventory (compensation).</summary>
    public ReleaseInventoryHandler ReleaseInventory { get; }

    /// <summary>Registers every handler under its state's name, the value of <c>WORKERS_HANDLER</c> that selects it.</summary>
    public LambdaApplication Register(LambdaApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var json = SagaJson.Default;
        return application
            .Handle("ValidateOrder", ValidateOrder.HandleAsync, json.Order, json.ValidateOrderResult)
            .Handle("ReserveInventory", ReserveInventory.HandleAsync, json.Order, json.ReservationResult)
            .Handle("ChargePayment", ChargePayment.HandleAsync, json.Order, json.PaymentResult)
            .Handle("CreateShipment", CreateShipment.HandleAsync, json.Order, json.ShipmentResult)
            .Handle("CancelShipment", CancelShipment.HandleAsync, json.Order, json.CompensationResult)
            .Handle("RefundPayment", RefundPayment.HandleAsync, json.Order, json.CompensationResult)
            .Handle("ReleaseInventory", ReleaseInventory.HandleAsync, json.Order, json.CompensationResult);
    }
}
