using System.Text.Json.Serialization;

namespace Approvals;

/// <summary>Source-generated camelCase JSON for the approvals service.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalRequest))]
[JsonSerializable(typeof(ApprovalRecorded))]
[JsonSerializable(typeof(ApprovalView))]
[JsonSerializable(typeof(ApprovalList))]
[JsonSerializable(typeof(DecisionRequest))]
[JsonSerializable(typeof(DecisionOutput))]
public sealed partial class ApprovalsJson : JsonSerializerContext;
