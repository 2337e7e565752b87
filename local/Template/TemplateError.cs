namespace Template;

/// <summary>One problem in a template, at the line and column (1-based) where it was written.</summary>
public sealed record TemplateError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
