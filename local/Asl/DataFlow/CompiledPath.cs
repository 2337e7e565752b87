using Asl.JsonPath;

namespace Asl;

/// <summary>A JSONPath and whether it reads the context object.</summary>
internal sealed record CompiledPath(JsonPathExpression Path)
{
    public bool UsesContext => Path.Root == PathRoot.Context;
}
