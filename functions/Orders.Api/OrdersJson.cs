using System.Text.Json.Serialization;
using Workers.Domain;

namespace Orders.Api;

/// <summary>
/// Source-generated camelCase JSON for the orders API. Unknown request members are an error, so a misspelt field
/// is reported by name instead of being silently dropped.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(ProblemDocument))]
public sealed partial class OrdersJson : JsonSerializerContext;
