namespace Template;

/// <summary>A template could not be read or resolved; carries every problem found, not only the first.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(IReadOnlyList<TemplateError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public TemplateException()
        : this([])
    {
    }

    public TemplateException(string message)
        : base(message)
    {
        Errors = [];
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }
}
