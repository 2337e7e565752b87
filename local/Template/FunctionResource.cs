using System.Text.Json.Nodes;

namespace Template;

/// <summary>An <c>AWS::Serverless::Function</c> with Globals merged and every value resolved.</summary>
public sealed record FunctionResource(string LogicalId, string Name, string Arn)
{
    public string? CodeUri { get; init; }

    public string? Handler { get; init; }

    public string? Runtime { get; init; }

    /// <summary>MB; SAM's default is 128.</summary>
    public int MemorySize { get; init; } = 128;

    /// <summary>Seconds; SAM's default is 3.</summary>
    public int Timeout { get; init; } = 3;

    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];

    /// <summary><c>Environment.Variables</c>, values as text.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<HttpApiEvent> HttpApiEvents { get; init; } = [];

    public IReadOnlyList<SqsEvent> SqsEvents { get; init; } = [];

    /// <summary>The <c>Policies</c> as written (a name, a list of names, policy templates or statements).</summary>
    public JsonNode? Policies { get; init; }
}
