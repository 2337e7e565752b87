using System.Globalization;
using StandIns;
using YamlDotNet.RepresentationModel;

namespace StateMachines.Tests;

/// <summary>
/// template.yaml read with YamlDotNet's representation model, which keeps CloudFormation's short-form tags
/// (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>) as node tags instead of failing on them.
/// </summary>
internal sealed class SamTemplate
{
    private SamTemplate(YamlMappingNode root)
    {
        Root = root;
    }

    public static SamTemplate Instance { get; } = Load();

    public YamlMappingNode Root { get; }

    public IEnumerable<(string Id, YamlMappingNode Properties)> Resources(string type) =>
        ((YamlMappingNode)Root["Resources"]).Children
            .Select(pair => (Id: ((YamlScalarNode)pair.Key).Value!, Node: (YamlMappingNode)pair.Value))
            .Where(r => ((YamlScalarNode)r.Node["Type"]).Value == type)
            .Select(r => (r.Id, (YamlMappingNode)r.Node["Properties"]));

    /// <summary>Each state machine's definition file (relative to the repository) and its substitution keys.</summary>
    public IReadOnlyList<(string Id, string DefinitionUri, IReadOnlyList<string> Keys)> StateMachines() =>
        [.. Resources("AWS::Serverless::StateMachine").Select(r => (
            r.Id,
            ((YamlScalarNode)r.Properties["DefinitionUri"]).Value!,
            (IReadOnlyList<string>)[.. ((YamlMappingNode)r.Properties["DefinitionSubstitutions"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!)]))];

    /// <summary>Each function's CodeUri and WORKERS_HANDLER.</summary>
    public IReadOnlyList<(string Id, string CodeUri, string? Handler)> Functions() =>
        [.. Resources("AWS::Serverless::Function").Select(r => (
            r.Id,
            ((YamlScalarNode)r.Properties["CodeUri"]).Value!,
            (((YamlMappingNode)((YamlMappingNode)r.Properties["Environment"])["Variables"]).Children
                .TryGetValue(new YamlScalarNode("WORKERS_HANDLER"), out var handler) ? ((YamlScalarNode)handler).Value : null)))];

    /// <summary>The longest function Timeout in seconds: each function's own, else the Globals' one.</summary>
    public int LongestFunctionTimeout()
    {
        var global = int.Parse(((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Root["Globals"])["Function"])["Timeout"]).Value!, CultureInfo.InvariantCulture);
        return Resources("AWS::Serverless::Function")
            .Select(r => r.Properties.Children.TryGetValue(new YamlScalarNode("Timeout"), out var own)
                ? int.Parse(((YamlScalarNode)own).Value!, CultureInfo.InvariantCulture)
                : global)
            .Append(global)
            .Max();
    }

    /// <summary>Every scalar under an IAM statement's <c>Action</c>, anywhere in the template.</summary>
    public IReadOnlyList<string> IamActions() => [.. Actions(Root)];

    private static IEnumerable<string> Actions(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(pair =>
            pair.Key is YamlScalarNode { Value: "Action" }
                ? pair.Value is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value!) : [((YamlScalarNode)pair.Value).Value!]
                : Actions(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Actions),
        _ => [],
    };

    private static SamTemplate Load()
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(Path.Combine(RepositoryRoot.Find(), "template.yaml"));
        stream.Load(reader);
        return new SamTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }
}
