namespace Template;

/// <summary>Collects template errors once each: the reference check and evaluation may both meet the same fault.</summary>
internal sealed class ErrorList(string file)
{
    private readonly List<TemplateError> _errors = [];
    private readonly HashSet<TemplateError> _seen = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    public void Add(Node at, string message) => Add(at.Line, at.Column, message);

    public void Add(int line, int column, string message)
    {
        var error = new TemplateError(File, line, column, message);
        if (_seen.Add(error))
        {
            _errors.Add(error);
        }
    }

    public IReadOnlyList<TemplateError> Sorted() => [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
