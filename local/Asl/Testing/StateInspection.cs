using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// TestState's view of one state run: the value after each data-flow stage in AWS's <c>inspectionData</c> names
/// (<c>input</c>, <c>afterInputPath</c>, <c>afterParameters</c>, <c>result</c>, <c>afterResultSelector</c>,
/// <c>afterResultPath</c>; <c>afterArguments</c> in JSONata), the variables after the state, and which Catch took
/// its error.
/// </summary>
public sealed record StateInspection(IReadOnlyList<KeyValuePair<string, JsonNode?>> Stages, JsonObject? Variables, int? CatchIndex);
