using System.Text.Json.Serialization;

namespace Workers.Lambda;

/// <summary>
/// Source-generated JSON for the event records: pass e.g. <c>LambdaEventsJson.Default.SQSEvent</c> to
/// <see cref="LambdaApplication.Handle{TInput, TOutput}"/>. Reading is case-insensitive and null members are not
/// written, as with the AWS .NET serializer; wire names are fixed on the records themselves.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
public sealed partial class LambdaEventsJson : JsonSerializerContext;
