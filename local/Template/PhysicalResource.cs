namespace Template;

/// <summary>A resource's local physical identity: what <c>!Ref</c> returns and what <c>!GetAtt</c> can read.</summary>
public sealed record PhysicalResource(string Ref, IReadOnlyDictionary<string, string> Attributes);
