namespace Template;

/// <summary>
/// What a physical resolver knows of a resource: its logical id, type, the name the template gives it
/// (<c>TableName</c>, <c>QueueName</c>, <c>FunctionName</c>, a state machine's <c>Name</c>, ...) if any, and the stack.
/// </summary>
public sealed record ResourceIdentity(string LogicalId, string Type, string? ExplicitName, TemplateOptions Stack);
