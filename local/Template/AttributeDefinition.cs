namespace Template;

/// <summary>A key attribute's type: <c>S</c>, <c>N</c> or <c>B</c>.</summary>
public sealed record AttributeDefinition(string AttributeName, string AttributeType);
