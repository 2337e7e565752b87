using System.Text.Json.Nodes;
using Jsonata;

namespace Asl;

/// <summary>
/// A JSONata-mode field value compiled once at definition load: whole-string <c>{% %}</c> expressions at any depth
/// (object values, array items), every other value a literal. Each expression knows its field path
/// (<c>Output/a/b[0]</c>) for AWS's error causes.
/// </summary>
internal sealed class JsonataTemplate
{
    private readonly JsonNode? _literal;
    private readonly JsonataExpression? _expression;
    private readonly KeyValuePair<string, JsonataTemplate>[]? _members;
    private readonly JsonataTemplate[]? _items;

    private JsonataTemplate(string field, JsonNode? literal, JsonataExpression? expression, KeyValuePair<string, JsonataTemplate>[]? members, JsonataTemplate[]? items)
    {
        Field = field;
        _literal = literal;
        _expression = expression;
        _members = members;
        _items = items;
    }

    /// <summary>Where the value was written, relative to its state, e.g. <c>Assign/x</c>.</summary>
    public string Field { get; }

    /// <summary>The expression text without the <c>{% %}</c> markers, or the literal's JSON.</summary>
    public string Text => _expression?.Text.Trim() ?? _literal?.ToJsonString() ?? "null";

    public bool IsExpression => _expression is not null;

    public static JsonataTemplate Compile(JsonNode? node, string field) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && IsExpressionText(text) =>
            new(field, null, JsonataCompilation.Compile(text[2..^2]), null, null),
        JsonObject obj when HasExpression(obj) =>
            new(field, null, null, [.. obj.Select(p => new KeyValuePair<string, JsonataTemplate>(p.Key, Compile(p.Value, $"{field}/{p.Key}")))], null),
        JsonArray array when HasExpression(array) =>
            new(field, null, null, null, [.. array.Select((item, i) => Compile(item, $"{field}[{i}]"))]),
        _ => new(field, node?.DeepClone(), null, null, null),
    };

    public static bool IsExpressionText(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>Builds the value; an expression that is undefined, a function or fails is a States.QueryEvaluationError.</summary>
    public JsonNode? Evaluate(in StateVisit visit, JsonataBindings bindings, JsonataOptions options)
    {
        if (_expression is not null)
        {
            JsonataResult result;
            try
            {
                result = _expression.EvaluateUndefined(bindings, options);
            }
            catch (JsonataException e)
            {
                throw JsonataFailure.Threw(visit, Text, Field, e);
            }

            return result.Kind switch
            {
                JsonataResultKind.Value => result.Value,
                JsonataResultKind.Function => throw JsonataFailure.Unsupported(visit, Text, Field),
                _ => throw JsonataFailure.Undefined(visit, Text, Field),
            };
        }

        if (_members is not null)
        {
            var obj = new JsonObject();
            foreach (var (key, member) in _members)
            {
                obj[key] = member.Evaluate(visit, bindings, options);
            }

            return obj;
        }

        if (_items is not null)
        {
            var array = new JsonArray();
            foreach (var item in _items)
            {
                array.Add(item.Evaluate(visit, bindings, options));
            }

            return array;
        }

        return _literal?.DeepClone();
    }

    /// <summary>Evaluates with <c>$states</c> and the visible variables bound for this visit.</summary>
    public JsonNode? Evaluate(in StateVisit visit, in JsonataStates states) =>
        _expression is null && _members is null && _items is null
            ? _literal?.DeepClone()
            : Evaluate(visit, JsonataEnvironment.Bind(visit, states), JsonataEnvironment.Options(visit));

    private static bool HasExpression(JsonNode? node) => node switch
    {
        JsonValue value => value.TryGetValue<string>(out var text) && IsExpressionText(text),
        JsonObject obj => obj.Any(p => HasExpression(p.Value)),
        JsonArray array => array.Any(HasExpression),
        _ => false,
    };
}
