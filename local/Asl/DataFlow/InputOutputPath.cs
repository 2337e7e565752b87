using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>InputPath or OutputPath: <c>$</c> (default) passes through, <c>null</c> gives <c>{}</c>, a path selects.</summary>
internal sealed class InputOutputPath
{
    private static readonly InputOutputPath Identity = new(null, false);
    private static readonly InputOutputPath Empty = new(null, true);

    private readonly CompiledPath? _path;
    private readonly bool _empty;

    private InputOutputPath(CompiledPath? path, bool empty)
    {
        _path = path;
        _empty = empty;
    }

    public static InputOutputPath Compile(JsonObject state, string field)
    {
        if (!state.TryGetPropertyValue(field, out var value))
        {
            return Identity;
        }

        if (value is null)
        {
            return Empty;
        }

        var text = value.GetValue<string>();
        return text == "$" ? Identity : new InputOutputPath(new CompiledPath(JsonPathExpression.Parse(text)), false);
    }

    public JsonNode? Apply(in StateVisit visit, JsonNode? value)
    {
        if (_path is null)
        {
            return _empty ? new JsonObject() : value;
        }

        try
        {
            return _path.Path.Evaluate(visit.Paths(value, _path.UsesContext));
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }
    }
}
