using System.Text.Json.Nodes;

namespace Jsonata.Tests;

/// <summary>One case of the official JSONata test suite, loaded from groups/*/*.json.</summary>
public sealed record SuiteCase(
    string Id,
    string Expression,
    bool HasInput,
    JsonNode? Input,
    JsonObject? Bindings,
    JsonNode? ExpectedResult,
    bool ExpectsUndefined,
    string? ExpectedCode,
    string? ExpectedToken,
    int? TimeLimitMs,
    int? Depth);
