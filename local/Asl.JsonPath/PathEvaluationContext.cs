using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// Where <c>$</c>, <c>$$</c> and <c>$name</c> read from, plus the randomness intrinsics need (seedable for tests).
/// </summary>
public sealed class PathEvaluationContext
{
    /// <summary>The value <c>$</c> refers to.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>The context object <c>$$</c> refers to.</summary>
    public JsonNode? Context { get; init; }

    /// <summary>The workflow variables <c>$name</c> refers to; null when none are in scope.</summary>
    public IVariableLookup? Variables { get; init; }

    /// <summary>Used by States.MathRandom without a seed and by States.UUID.</summary>
    public Random Random { get; init; } = Random.Shared;
}
