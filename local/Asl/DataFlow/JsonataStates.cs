using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// The members of <c>$states</c> an expression may read besides <c>input</c> and <c>context</c>: <c>result</c> only
/// in a Task/Map/Parallel's top-level Output and Assign, <c>errorOutput</c> only in a catcher's Output and Assign.
/// </summary>
internal readonly record struct JsonataStates(JsonNode? Input)
{
    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public JsonNode? ErrorOutput { get; init; }

    public bool HasErrorOutput { get; init; }
}
