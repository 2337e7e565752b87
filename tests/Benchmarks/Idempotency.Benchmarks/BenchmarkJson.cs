using System.Text.Json.Serialization;

namespace Idempotency.Benchmarks;

/// <summary>The benchmark's event.</summary>
internal sealed record ChargeRequest(string OrderId, decimal Amount);

/// <summary>The benchmark's response, stored and replayed.</summary>
internal sealed record ChargeReceipt(string PaymentId, decimal Amount);

/// <summary>Source-generated JSON for the benchmark's types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChargeRequest))]
[JsonSerializable(typeof(ChargeReceipt))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
