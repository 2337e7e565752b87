using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Local.TestFunction;

/// <summary>Source-generated camelCase JSON for the test handlers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ThrowInput))]
[JsonSerializable(typeof(SleepInput))]
[JsonSerializable(typeof(SleepOutput))]
[JsonSerializable(typeof(CrashInput))]
[JsonSerializable(typeof(InspectOutput))]
[JsonSerializable(typeof(LargeInput))]
[JsonSerializable(typeof(ProbeOutput))]
[JsonSerializable(typeof(string))]
public sealed partial class TestFunctionJson : JsonSerializerContext;
