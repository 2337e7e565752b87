namespace Template;

/// <summary>One key of a table or index: the attribute and <c>HASH</c> or <c>RANGE</c>.</summary>
public sealed record KeySchemaElement(string AttributeName, string KeyType);
