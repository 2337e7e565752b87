using System.Text.Json.Nodes;

namespace Template;

/// <summary>Any resource the template creates (its Condition holds), with its properties fully resolved.</summary>
public sealed record TemplateResource(string LogicalId, string Type, PhysicalResource Physical, JsonObject Properties);
