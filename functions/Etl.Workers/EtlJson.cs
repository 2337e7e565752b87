using System.Text.Json.Serialization;

namespace Etl.Workers;

/// <summary>Source-generated camelCase JSON for every ETL worker input and output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TransformBatchInput))]
[JsonSerializable(typeof(TransformBatchResult))]
[JsonSerializable(typeof(LoadBatchInput))]
[JsonSerializable(typeof(LoadBatchResult))]
[JsonSerializable(typeof(IReadOnlyList<ProductRow>))]
[JsonSerializable(typeof(ResultWriterDetails))]
[JsonSerializable(typeof(RunSummary))]
public sealed partial class EtlJson : JsonSerializerContext;
