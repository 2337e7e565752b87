using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Template;

/// <summary>
/// Evaluates CloudFormation intrinsic functions against parameters, conditions, mappings, pseudo parameters and the
/// local physical model. Every fault is recorded with its position and evaluation goes on, so one run reports all.
/// </summary>
internal sealed class Evaluator
{
    private static readonly Dictionary<string, string> NameProperties = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = "FunctionName",
        ["AWS::Lambda::Function"] = "FunctionName",
        ["AWS::Serverless::StateMachine"] = "Name",
        ["AWS::StepFunctions::StateMachine"] = "StateMachineName",
        ["AWS::DynamoDB::Table"] = "TableName",
        ["AWS::Serverless::SimpleTable"] = "TableName",
        ["AWS::SQS::Queue"] = "QueueName",
        ["AWS::SNS::Topic"] = "TopicName",
        ["AWS::S3::Bucket"] = "BucketName",
        ["AWS::Logs::LogGroup"] = "LogGroupName",
        ["AWS::IAM::Role"] = "RoleName",
    };

    private readonly ErrorList _errors;
    private readonly TemplateOptions _options;
    private readonly IReadOnlyDictionary<string, JsonNode?> _parameters;
    private readonly MapNode? _mappings;
    private readonly IReadOnlyDictionary<string, Node> _conditions;
    private readonly IReadOnlyDictionary<string, ResourceNode> _resources;
    private readonly Dictionary<string, bool> _conditionValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhysicalResource?> _physical = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];

    public Evaluator(
        ErrorList errors,
        TemplateOptions options,
        IReadOnlyDictionary<string, JsonNode?> parameters,
        MapNode? mappings,
        IReadOnlyDictionary<string, Node> conditions,
        IReadOnlyDictionary<string, ResourceNode> resources)
    {
        _errors = errors;
        _options = options;
        _parameters = parameters;
        _mappings = mappings;
        _conditions = conditions;
        _resources = resources;
    }

    /// <summary>Stands for <c>AWS::NoValue</c>: the enclosing key or list item is dropped. Compared by reference.</summary>
    public static JsonNode NoValue { get; } = JsonValue.Create("AWS::NoValue");

    public JsonNode? Evaluate(Node node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return Scalar(scalar);
            case SeqNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Items.Select(Evaluate).Where(v => !ReferenceEquals(v, NoValue)))
                {
                    array.Add(item);
                }

                return array;
            case MapNode map when map.Intrinsic is { } function && function != "Condition":
                return Intrinsic(function, map.Entries[0].Value, map);
            case MapNode map:
                var obj = new JsonObject();
                foreach (var (key, valueNode) in map.Entries)
                {
                    var value = Evaluate(valueNode);
                    if (!ReferenceEquals(value, NoValue))
                    {
                        obj[key] = value;
                    }
                }

                return obj;
            default:
                return null;
        }
    }

    /// <summary>The value of a named condition; unknown and circular conditions are errors and count as false.</summary>
    public bool Condition(string name, Node at)
    {
        if (_conditionValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_conditions.TryGetValue(name, out var definition))
        {
            _errors.Add(at, UnknownCondition(name));
            return false;
        }

        var key = "Condition " + name;
        if (!Enter(key, at))
        {
            return false;
        }

        var value = ConditionValue(definition);
        _inProgress.Remove(key);
        _conditionValues[name] = value;
        return value;
    }

    /// <summary>The local physical identity of a resource, computed once (its explicit name may itself use references).</summary>
    public PhysicalResource? Physical(string logicalId, Node at)
    {
        if (_physical.TryGetValue(logicalId, out var known))
        {
            return known;
        }

        var resource = _resources[logicalId];
        if (!Enter(logicalId, at))
        {
            return null;
        }

        string? explicitName = null;
        if (NameProperties.TryGetValue(resource.Type, out var nameProperty) && resource.Properties?[nameProperty] is { } nameNode)
        {
            explicitName = Text(Evaluate(nameNode), nameNode);
        }

        _inProgress.Remove(logicalId);
        var physical = _options.PhysicalResolver(new ResourceIdentity(logicalId, resource.Type, explicitName, _options));
        _physical[logicalId] = physical;
        return physical;
    }

    /// <summary>Reports references to things that do not exist anywhere in a subtree, including branches no condition takes.</summary>
    public void CheckReferences(Node node)
    {
        switch (node)
        {
            case SeqNode seq:
                foreach (var item in seq.Items)
                {
                    CheckReferences(item);
                }

                break;
            case MapNode map when map.Intrinsic is { } function:
                CheckIntrinsic(function, map.Entries[0].Value);
                CheckReferences(map.Entries[0].Value);
                break;
            case MapNode map:
                foreach (var entry in map.Entries)
                {
                    CheckReferences(entry.Value);
                }

                break;
        }
    }

    private void CheckIntrinsic(string function, Node argument)
    {
        switch (function, argument)
        {
            case ("Ref", ScalarNode name) when !IsKnownName(name.Value):
                _errors.Add(name, UnknownRef(name.Value));
                break;
            case ("Fn::GetAtt", SeqNode { Items: [ScalarNode resource, ..] }) when !_resources.ContainsKey(resource.Value):
                _errors.Add(resource, UnknownGetAtt(resource.Value));
                break;
            case ("Condition", ScalarNode name) when !_conditions.ContainsKey(name.Value):
                _errors.Add(name, UnknownCondition(name.Value));
                break;
            case ("Fn::If", SeqNode { Items: [ScalarNode name, ..] }) when !_conditions.ContainsKey(name.Value):
                _errors.Add(name, UnknownCondition(name.Value));
                break;
            case ("Fn::Sub", ScalarNode text):
                CheckSub(text, null);
                break;
            case ("Fn::Sub", SeqNode { Items: [ScalarNode text, MapNode variables] }):
                CheckSub(text, variables);
                break;
        }
    }

    private void CheckSub(ScalarNode text, MapNode? variables)
    {
        foreach (var part in SubPart.Parse(text.Value) ?? [])
        {
            if (part.IsVariable && variables?[part.Text] is null && SubReferenceError(part.Text) is { } message)
            {
                _errors.Add(text, message);
            }
        }
    }

    private string? SubReferenceError(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return _resources.ContainsKey(name[..dot]) ? null : $"!Sub refers to unknown resource '{name[..dot]}' in '${{{name}}}'";
        }

        return IsKnownName(name) ? null : $"!Sub refers to unknown resource or parameter '{name}'";
    }

    private bool IsKnownName(string name) =>
        Pseudo(name) is not null || name == "AWS::NoValue" || _parameters.ContainsKey(name) || _resources.ContainsKey(name);

    private static string UnknownRef(string name) => $"!Ref refers to unknown resource or parameter '{name}'";

    private static string UnknownGetAtt(string name) => $"!GetAtt refers to unknown resource '{name}'";

    private static string UnknownCondition(string name) => $"unknown condition '{name}'";

    private bool Enter(string key, Node at)
    {
        if (_inProgress.Contains(key))
        {
            var start = _inProgress.IndexOf(key);
            _errors.Add(at, $"circular reference: {string.Join(" -> ", _inProgress.Skip(start).Append(key))}");
            return false;
        }

        _inProgress.Add(key);
        return true;
    }

    private static JsonNode? Scalar(ScalarNode scalar)
    {
        if (!scalar.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
            var v => JsonValue.Create(v),
        };
    }

    private JsonNode? Intrinsic(string function, Node argument, MapNode call)
    {
        switch (function)
        {
            case "Ref":
                return argument is ScalarNode name ? Ref(name.Value, name) : Fail(argument, "!Ref takes a resource or parameter name");
            case "Fn::GetAtt":
                return GetAtt(argument);
            case "Fn::Sub":
                return Sub(argument);
            case "Fn::Join":
                return Join(argument);
            case "Fn::Select":
                return Select(argument);
            case "Fn::Split":
                return Split(argument);
            case "Fn::FindInMap":
                return FindInMap(argument);
            case "Fn::If":
                return If(argument);
            case "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not":
                return JsonValue.Create(ConditionValue(call));
            case "Fn::GetAZs":
                var region = Text(Evaluate(argument), argument);
                region = string.IsNullOrEmpty(region) ? _options.Region : region;
                return new JsonArray(JsonValue.Create(region + "a"), JsonValue.Create(region + "b"), JsonValue.Create(region + "c"));
            case "Fn::Base64":
                return Text(Evaluate(argument), argument) is { } plain ? JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(plain))) : null;
            case "Fn::ImportValue":
                return Fail(call, "!ImportValue is not supported locally: there are no other stacks to export values");
            default:
                return Fail(call, $"intrinsic function '{function}' is not supported locally");
        }
    }

    private JsonNode? Fail(Node at, string message)
    {
        _errors.Add(at, message);
        return null;
    }

    private JsonNode? Ref(string name, Node at)
    {
        if (name == "AWS::NoValue")
        {
            return NoValue;
        }

        if (Pseudo(name) is { } pseudo)
        {
            return JsonValue.Create(pseudo);
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter?.DeepClone();
        }

        if (_resources.ContainsKey(name))
        {
            return Physical(name, at) is { } physical ? JsonValue.Create(physical.Ref) : null;
        }

        return Fail(at, UnknownRef(name));
    }

    private string? Pseudo(string name) => name switch
    {
        "AWS::Region" => _options.Region,
        "AWS::AccountId" => _options.AccountId,
        "AWS::StackName" => _options.StackName,
        "AWS::StackId" => $"arn:{_options.Partition}:cloudformation:{_options.Region}:{_options.AccountId}:stack/{_options.StackName}/00000000-0000-0000-0000-000000000000",
        "AWS::Partition" => _options.Partition,
        "AWS::URLSuffix" => _options.UrlSuffix,
        "AWS::NotificationARNs" => string.Empty,
        _ => null,
    };

    private JsonNode? GetAtt(Node argument)
    {
        if (argument is not SeqNode { Items: [ScalarNode resource, var attributeNode] })
        {
            return Fail(argument, "!GetAtt takes 'Resource.Attribute' or [Resource, Attribute]");
        }

        var attribute = Text(Evaluate(attributeNode), attributeNode);
        return attribute is null ? null : Attribute(resource.Value, attribute, resource, "!GetAtt");
    }

    private JsonNode? Attribute(string logicalId, string attribute, Node at, string function)
    {
        if (!_resources.TryGetValue(logicalId, out var resource))
        {
            return Fail(at, UnknownGetAtt(logicalId));
        }

        if (Physical(logicalId, at) is not { } physical)
        {
            return null;
        }

        return physical.Attributes.TryGetValue(attribute, out var value)
            ? JsonValue.Create(value)
            : Fail(at, $"{function} {logicalId}.{attribute}: a {resource.Type} has no attribute '{attribute}' locally");
    }

    private JsonNode? Sub(Node argument)
    {
        var (textNode, variables) = argument switch
        {
            ScalarNode s => (s, null),
            SeqNode { Items: [ScalarNode s, MapNode v] } => (s, v),
            _ => (null, (MapNode?)null),
        };
        if (textNode is null)
        {
            return Fail(argument, "!Sub takes a string or [string, {Name: value}]");
        }

        if (SubPart.Parse(textNode.Value) is not { } parts)
        {
            return Fail(textNode, $"!Sub string has a '${{' that is never closed: '{textNode.Value}'");
        }

        var result = new StringBuilder();
        foreach (var part in parts)
        {
            if (!part.IsVariable)
            {
                result.Append(part.Text);
                continue;
            }

            var value = variables?[part.Text] is { } variable ? Evaluate(variable) : SubVariable(part.Text, textNode);
            if (Text(value, textNode) is not { } text)
            {
                return null;
            }

            result.Append(text);
        }

        return JsonValue.Create(result.ToString());
    }

    private JsonNode? SubVariable(string name, Node at)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (SubReferenceError(name) is { } unknown)
        {
            return Fail(at, unknown);
        }

        return dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal) ? Attribute(name[..dot], name[(dot + 1)..], at, "!Sub") : Ref(name, at);
    }

    private JsonNode? Join(Node argument)
    {
        if (argument is not SeqNode { Items: [var delimiterNode, var listNode] })
        {
            return Fail(argument, "!Join takes [delimiter, [values]]");
        }

        var delimiter = Text(Evaluate(delimiterNode), delimiterNode);
        if (Evaluate(listNode) is not JsonArray list)
        {
            return Fail(listNode, "!Join needs a list of values");
        }

        var texts = list.Select(item => Text(item, listNode)).ToList();
        return delimiter is null || texts.Any(t => t is null) ? null : JsonValue.Create(string.Join(delimiter, texts));
    }

    private JsonNode? Select(Node argument)
    {
        if (argument is not SeqNode { Items: [var indexNode, var listNode] })
        {
            return Fail(argument, "!Select takes [index, [values]]");
        }

        var indexText = Text(Evaluate(indexNode), indexNode);
        if (Evaluate(listNode) is not JsonArray list)
        {
            return Fail(listNode, "!Select needs a list of values");
        }

        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Count)
        {
            return Fail(indexNode, $"!Select index '{indexText}' is not within the list of {list.Count}");
        }

        return list[index]?.DeepClone();
    }

    private JsonNode? Split(Node argument)
    {
        if (argument is not SeqNode { Items: [var delimiterNode, var sourceNode] })
        {
            return Fail(argument, "!Split takes [delimiter, string]");
        }

        var delimiter = Text(Evaluate(delimiterNode), delimiterNode);
        var source = Text(Evaluate(sourceNode), sourceNode);
        if (delimiter is null || source is null)
        {
            return null;
        }

        if (delimiter.Length == 0)
        {
            return Fail(delimiterNode, "!Split needs a delimiter");
        }

        return new JsonArray([.. source.Split(delimiter).Select(s => (JsonNode?)JsonValue.Create(s))]);
    }

    private JsonNode? FindInMap(Node argument)
    {
        if (argument is not SeqNode { Items: [var mapNode, var topNode, var secondNode, ..] })
        {
            return Fail(argument, "!FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }

        var mapName = Text(Evaluate(mapNode), mapNode);
        var top = Text(Evaluate(topNode), topNode);
        var second = Text(Evaluate(secondNode), secondNode);
        if (mapName is null || top is null || second is null)
        {
            return null;
        }

        if (_mappings?[mapName] is not MapNode map)
        {
            return Fail(mapNode, $"!FindInMap refers to unknown mapping '{mapName}'");
        }

        if (map[top] is not MapNode level)
        {
            return Fail(topNode, $"!FindInMap: mapping '{mapName}' has no key '{top}'");
        }

        return level[second] is { } value ? Evaluate(value) : Fail(secondNode, $"!FindInMap: mapping '{mapName}.{top}' has no key '{second}'");
    }

    private JsonNode? If(Node argument)
    {
        if (argument is not SeqNode { Items: [ScalarNode condition, var whenTrue, var whenFalse] })
        {
            return Fail(argument, "!If takes [ConditionName, valueIfTrue, valueIfFalse]");
        }

        return Evaluate(Condition(condition.Value, condition) ? whenTrue : whenFalse);
    }

    private bool ConditionValue(Node node)
    {
        var (function, argument) = node is MapNode { Intrinsic: { } f } map ? (f, map.Entries[0].Value) : (null, node);
        switch (function, argument)
        {
            case ("Condition", ScalarNode name):
                return Condition(name.Value, name);
            case ("Fn::Equals", SeqNode { Items: [var left, var right] }):
                return Comparable(Evaluate(left)) == Comparable(Evaluate(right));
            case ("Fn::And", SeqNode { Items.Count: >= 2 and <= 10 } all):
                return all.Items.Select(ConditionValue).ToList().TrueForAll(v => v);
            case ("Fn::Or", SeqNode { Items.Count: >= 2 and <= 10 } any):
                return any.Items.Select(ConditionValue).ToList().Exists(v => v);
            case ("Fn::Not", SeqNode { Items: [var inner] }):
                return !ConditionValue(inner);
            case ("Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not", _):
                _errors.Add(node, $"!{function[4..]} has the wrong arguments (Equals: [a, b]; And/Or: 2 to 10 conditions; Not: [condition])");
                return false;
            default:
                if (Evaluate(node) is JsonValue value && value.TryGetValue<bool>(out var literal))
                {
                    return literal;
                }

                _errors.Add(node, "a condition must be !Equals, !And, !Or, !Not, !Condition or a boolean");
                return false;
        }
    }

    private static string? Comparable(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();

    /// <summary>A value as text where a string is needed; numbers and booleans become their CloudFormation text.</summary>
    public string? Text(JsonNode? value, Node at)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s;
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return b ? "true" : "false";
            case JsonValue v:
                return v.ToJsonString();
            case null:
                return null;
            default:
                _errors.Add(at, $"expected a string here, not {value.GetValueKind().ToString().ToLowerInvariant()}");
                return null;
        }
    }
}
