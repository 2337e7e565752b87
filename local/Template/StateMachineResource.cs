using System.Text.Json.Nodes;

namespace Template;

/// <summary>An <c>AWS::Serverless::StateMachine</c>: its ASL file (or inline definition) and the substitutions to apply.</summary>
public sealed record StateMachineResource(string LogicalId, string Name, string Arn)
{
    /// <summary><c>STANDARD</c> or <c>EXPRESS</c>.</summary>
    public string Type { get; init; } = "STANDARD";

    /// <summary><c>DefinitionUri</c> as written.</summary>
    public string? DefinitionUri { get; init; }

    /// <summary><c>DefinitionUri</c> resolved against the template's folder.</summary>
    public string? DefinitionPath { get; init; }

    /// <summary>An inline <c>Definition</c>, if the template gives one instead of a file.</summary>
    public JsonNode? Definition { get; init; }

    /// <summary><c>DefinitionSubstitutions</c>, values resolved to local names and ARNs.</summary>
    public IReadOnlyDictionary<string, string> DefinitionSubstitutions { get; init; } = new Dictionary<string, string>();

    public JsonNode? Policies { get; init; }
}
