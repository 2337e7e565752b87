using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>ResultPath: <c>$</c> (default) replaces the input, <c>null</c> discards the result, a path merges it into the raw input.</summary>
internal sealed class ResultPlacement
{
    public static readonly ResultPlacement Replace = new(null, false);
    private static readonly ResultPlacement Discard = new(null, true);

    private readonly ResultPathExpression? _path;
    private readonly bool _discard;

    private ResultPlacement(ResultPathExpression? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    public static ResultPlacement Compile(JsonObject state)
    {
        if (!state.TryGetPropertyValue("ResultPath", out var value))
        {
            return Replace;
        }

        if (value is null)
        {
            return Discard;
        }

        var text = value.GetValue<string>();
        return text == "$" ? Replace : new ResultPlacement(ResultPathExpression.Parse(text), false);
    }

    public JsonNode? Apply(in StateVisit visit, JsonNode? rawInput, JsonNode? result)
    {
        if (_path is null)
        {
            return _discard ? rawInput : result;
        }

        try
        {
            return _path.Apply(rawInput, result);
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }
    }
}
