namespace Jsonata;

/// <summary>What an evaluation produced.</summary>
public enum JsonataResultKind
{
    /// <summary>No value (JSONata's undefined), distinct from JSON null.</summary>
    Undefined,

    /// <summary>A JSON value (possibly JSON null).</summary>
    Value,

    /// <summary>A function value, which has no JSON representation.</summary>
    Function,
}
