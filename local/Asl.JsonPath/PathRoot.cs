namespace Asl.JsonPath;

/// <summary>What a path starts from.</summary>
public enum PathRoot
{
    /// <summary><c>$</c>: the state's input.</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable.</summary>
    Variable,
}
