using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>A compiled ResultPath: <c>$</c>, <c>$.a.b</c>, <c>$['a'].b</c> (definite, <c>$</c>-rooted).</summary>
public sealed class ResultPathExpression
{
    private ResultPathExpression()
    {
    }

    public static ResultPathExpression Parse(string text) => throw new NotImplementedException(text);

    public JsonNode? Apply(JsonNode? rawInput, JsonNode? result) => throw new NotImplementedException();
}
