namespace Jsonata;

/// <summary>
/// A native function callable from expressions. Arguments arrive already validated against the signature it was
/// registered with; nodes in them are fresh copies the function may keep.
/// </summary>
public delegate JsonataResult JsonataFunction(IReadOnlyList<JsonataResult> arguments);
