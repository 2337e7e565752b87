using System.Text.Json.Serialization;

namespace Workers.StepFunctions;

/// <summary>Source-generated JSON of the API shapes; reading ignores case, as AWS error messages come as message or Message.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskFailureRequest))]
[JsonSerializable(typeof(SendTaskHeartbeatRequest))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(AwsErrorDocument))]
internal sealed partial class StepFunctionsJson : JsonSerializerContext;
