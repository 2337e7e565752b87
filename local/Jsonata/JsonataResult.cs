using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>
/// An evaluation result or function argument: undefined, a JSON value (a null <see cref="Value"/> with
/// <see cref="JsonataResultKind.Value"/> is JSON null), or a function.
/// </summary>
public readonly record struct JsonataResult(JsonataResultKind Kind, JsonNode? Value)
{
    /// <summary>The undefined result.</summary>
    public static JsonataResult Undefined => new(JsonataResultKind.Undefined, null);

    /// <summary>True when there is no value at all.</summary>
    public bool IsUndefined => Kind == JsonataResultKind.Undefined;

    /// <summary>A JSON value result (null means JSON null).</summary>
    public static JsonataResult FromValue(JsonNode? value) => new(JsonataResultKind.Value, value);
}
