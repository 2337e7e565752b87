using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>A compiled JSONPath: <c>$.a.b</c>, <c>$$.Execution.Id</c>, <c>$var.x[0]</c>, <c>$..a[?(@.b &gt; 1)]</c>.</summary>
public sealed class JsonPathExpression
{
    private JsonPathExpression(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public PathRoot Root { get; }

    public string? VariableName { get; }

    public bool IsDefinite { get; }

    public static JsonPathExpression Parse(string text) => throw new NotImplementedException(text);

    public static bool TryParse(string text, out JsonPathExpression? path, out string? error)
    {
        path = new JsonPathExpression(text);
        error = null;
        throw new NotImplementedException();
    }

    public bool TryEvaluate(PathEvaluationContext context, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        value = null;
        throw new NotImplementedException();
    }

    public JsonNode? Evaluate(PathEvaluationContext context) => throw new NotImplementedException();
}
