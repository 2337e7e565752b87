using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workers.Tests;

/// <summary>
/// Source-generated JSON for the idempotency tests, with default (PascalCase) names as Powertools serializes, so the
/// golden vectors from its tests apply unchanged.
/// </summary>
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(PaymentReceipt))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JsonArray))]
public sealed partial class IdempotencyTestJson : JsonSerializerContext;
