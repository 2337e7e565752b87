namespace Template;

/// <summary>A resource as declared (Globals already merged), before evaluation; implicit SAM resources have no properties.</summary>
internal sealed record ResourceNode(string LogicalId, string Type, MapNode? Properties, string? Condition, Node Declaration);
