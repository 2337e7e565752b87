using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

/// <summary>Builds evaluation contexts from JSON text and prints results compactly.</summary>
internal static class TestJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    public static PathEvaluationContext Context(
        string input,
        string? contextObject = null,
        IReadOnlyDictionary<string, string>? variables = null,
        int seed = 42) => new()
        {
            Input = Parse(input),
            Context = contextObject is null ? null : Parse(contextObject),
            Variables = variables is null ? null : new Variables(variables),
            Random = new Random(seed),
        };

    private sealed class Variables(IReadOnlyDictionary<string, string> values) : IVariableLookup
    {
        public bool TryGetVariable(string name, out JsonNode? value)
        {
            if (values.TryGetValue(name, out var json))
            {
                value = Parse(json);
                return true;
            }

            value = null;
            return false;
        }
    }
}
