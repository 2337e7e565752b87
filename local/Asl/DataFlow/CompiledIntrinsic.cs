using Asl.JsonPath;

namespace Asl;

/// <summary>An intrinsic function call and whether it reads the context object.</summary>
internal sealed record CompiledIntrinsic(IntrinsicFunction Function, string Text)
{
    public bool UsesContext => Text.Contains("$$", StringComparison.Ordinal);
}
