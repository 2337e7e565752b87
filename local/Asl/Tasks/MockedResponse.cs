using System.Text.Json.Nodes;

namespace Asl;

/// <summary>One entry of a MockConfigFile's MockedResponses: either a result (<c>Return</c>) or an error (<c>Throw</c>).</summary>
public sealed record MockedResponse(JsonNode? Return, string? ThrowError, string? ThrowCause)
{
    /// <summary>True when the entry is a <c>Throw</c>.</summary>
    public bool IsThrow => ThrowError is not null;
}
