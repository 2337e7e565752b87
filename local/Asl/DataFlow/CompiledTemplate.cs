using Asl.JsonPath;

namespace Asl;

/// <summary>A payload template and whether it reads the context object (so <c>$$</c> is built only when needed).</summary>
internal sealed record CompiledTemplate(PayloadTemplate Template, bool UsesContext);
