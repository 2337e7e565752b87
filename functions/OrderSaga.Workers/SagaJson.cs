using System.Text.Json.Serialization;
using Workers.Domain;

namespace OrderSaga.Workers;

/// <summary>Source-generated camelCase JSON for every saga worker input and output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(ValidateOrderResult))]
[JsonSerializable(typeof(ReservationResult))]
[JsonSerializable(typeof(PaymentResult))]
[JsonSerializable(typeof(ShipmentResult))]
[JsonSerializable(typeof(CompensationResult))]
public sealed partial class SagaJson : JsonSerializerContext;
