using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Template;

/// <summary>
/// Reads YAML or JSON template text into <see cref="Node"/>s, rewriting CloudFormation short tags (<c>!Ref</c>,
/// <c>!GetAtt</c>, <c>!Sub</c>, ...) into their long forms so evaluation sees one shape.
/// </summary>
internal static class YamlLoader
{
    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
        "If", "Equals", "And", "Or", "Not", "Length", "ToJsonString", "GetAtt",
    };

    public static Node? Load(string text, string file, List<TemplateError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new TemplateError(file, (int)e.Start.Line, (int)e.Start.Column, e.InnerException?.Message ?? e.Message));
            return null;
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, file, errors);
    }

    private static Node Convert(YamlNode yaml, string file, List<TemplateError> errors)
    {
        var line = (int)yaml.Start.Line;
        var column = (int)yaml.Start.Column;
        Node node = yaml switch
        {
            YamlScalarNode scalar => new ScalarNode(
                scalar.Value ?? string.Empty,
                scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && !HasTag(yaml),
                line,
                column),
            YamlSequenceNode sequence => new SeqNode([.. sequence.Children.Select(c => Convert(c, file, errors))], line, column),
            YamlMappingNode mapping => new MapNode([.. mapping.Children.Select(c => KeyValuePair.Create(KeyOf(c.Key), Convert(c.Value, file, errors)))], line, column),
            _ => new ScalarNode(string.Empty, true, line, column),
        };
        if (!HasTag(yaml))
        {
            return node;
        }

        var tag = yaml.Tag.Value;
        var name = tag[1..];
        if (name == "Ref" || name == "Condition")
        {
            return new MapNode([KeyValuePair.Create(name, node)], line, column);
        }

        if (name == "GetAtt" && node is ScalarNode dotted)
        {
            node = SplitGetAtt(dotted);
        }

        if (FunctionTags.Contains(name))
        {
            return new MapNode([KeyValuePair.Create("Fn::" + name, node)], line, column);
        }

        errors.Add(new TemplateError(file, line, column, $"unknown tag '{tag}'"));
        return node;
    }

    /// <summary>True for an application tag such as <c>!Ref</c>; YAML's own <c>!!str</c> style tags and quoting are not ones.</summary>
    private static bool HasTag(YamlNode node) =>
        !node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!') && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal);

    private static SeqNode SplitGetAtt(ScalarNode dotted)
    {
        var dot = dotted.Value.IndexOf('.', StringComparison.Ordinal);
        ScalarNode[] parts = dot < 0
            ? [dotted]
            : [
                new ScalarNode(dotted.Value[..dot], false, dotted.Line, dotted.Column),
                new ScalarNode(dotted.Value[(dot + 1)..], false, dotted.Line, dotted.Column + dot + 1),
            ];
        return new SeqNode(parts, dotted.Line, dotted.Column);
    }

    private static string KeyOf(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();
}
