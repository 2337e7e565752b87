using System.Text.Json;
using OrderSaga.Workers;
using Workers.Domain;
using Workers.Lambda;

namespace Workers.Tests;

public sealed class SagaContractTests
{
    private static readonly SagaSettings Settings = new("inventory", "reservations", "payments", "shipments", "idempotency", PaymentSettings.Default);

    [Fact]
    public void Register_AllHandlers_NamedAfterTheirStates()
    {
        using var client = DynaliteFixture.CreateClient(new Uri("http://127.0.0.1:1"));

        var application = new SagaWorkers(client, Settings).Register(new LambdaApplication());

        Assert.Equal(
            ["ValidateOrder", "ReserveInventory", "ChargePayment", "CreateShipment", "CancelShipment", "RefundPayment", "ReleaseInventory"],
            application.HandlerNames);
    }

    [Fact]
    public void Serialize_PaymentResult_UsesCamelCaseFields()
    {
        var json = JsonSerializer.Serialize(new PaymentResult("pay_1", 25m, "USD", 0.05), SagaJson.Default.PaymentResult);

        Assert.Equal("""{"paymentId":"pay_1","amount":25,"currency":"USD","fraudScore":0.05}""", json);
    }

    [Fact]
    public void Serialize_ReservationResult_UsesCamelCaseFields()
    {
        var json = JsonSerializer.Serialize(new ReservationResult("res_1", [new ReservedLine("A", 2)]), SagaJson.Default.ReservationResult);

        Assert.Equal("""{"reservationId":"res_1","lines":[{"sku":"A","quantity":2}]}""", json);
    }

    [Fact]
    public void Deserialize_OrderJson_ReadsCamelCaseFields()
    {
        var order = JsonSerializer.Deserialize(
            """{"orderId":"o-1","customerId":"c-1","items":[{"sku":"A","quantity":2,"unitPrice":1.5}],"currency":"EUR","paymentToken":"tok_visa"}""",
            SagaJson.Default.Order)!;

        Assert.Equal(("o-1", "c-1", "EUR", "tok_visa", new Money(3m, "EUR")), (order.OrderId, order.CustomerId, order.Currency, order.PaymentToken, order.Total()));
    }

    [Fact]
    public void FromEnvironment_MissingTable_ThrowsNamingVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaSettings.FromEnvironment(name => name == "INVENTORY_TABLE" ? "inv" : null));

        Assert.StartsWith("RESERVATIONS_TABLE is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_LimitAndFlaggedCustomers_AreRead()
    {
        var settings = SagaSettings.FromEnvironment(name => name switch
        {
            "PAYMENT_CUSTOMER_LIMIT" => "250.5",
            "FRAUD_FLAGGED_CUSTOMERS" => "c-1, c-2",
            _ => name.ToLowerInvariant(),
        });

        Assert.Equal(250.5m, settings.Payment.CustomerLimit);
        Assert.Equal(["c-1", "c-2"], settings.Payment.FlaggedCustomers.Order());
    }

    [Fact]
    public void FromEnvironment_LimitNotANumber_ThrowsNamingVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => SagaSettings.FromEnvironment(name => name == "PAYMENT_CUSTOMER_LIMIT" ? "lots" : name));

        Assert.Equal("PAYMENT_CUSTOMER_LIMIT must be a positive number, not 'lots'.", error.Message);
    }

    [Fact]
    public void DomainExceptions_AllLeaves_AreSealedAndEndInException()
    {
        var leaves = typeof(DomainException).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DomainException))).ToList();

        Assert.All(leaves, t => Assert.True(t.IsSealed && t.Name.EndsWith("Exception", StringComparison.Ordinal), t.Name));
        Assert.Superset(
            new HashSet<string> { "InvalidOrderException", "InsufficientInventoryException", "PaymentDeclinedException", "ShipmentFailedException", "ApprovalRejectedException" },
            leaves.Select(t => t.Name).ToHashSet());
    }
}
