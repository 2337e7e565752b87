using System.Text.Json.Nodes;

namespace Template;

/// <summary>
/// A SAM/CloudFormation template (YAML with short tags, or JSON) read and resolved for the local cloud:
/// parameters, conditions, mappings and Globals applied, every <c>!Ref</c>/<c>!GetAtt</c>/<c>!Sub</c> turned into a
/// local name or ARN, and a typed view of the resources the local cloud creates.
/// <code>
/// var template = SamTemplate.Load("template.yaml", new TemplateOptions { ParameterOverrides = ParameterOverrides.Parse("Stage=dev") });
/// foreach (var table in template.Tables) { ... }
/// </code>
/// </summary>
public sealed class SamTemplate
{
    private SamTemplate()
    {
    }

    public IReadOnlyDictionary<string, string> Parameters { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, bool> Conditions { get; private init; } = new Dictionary<string, bool>();

    /// <summary>Every resource whose Condition holds (of SAM's implicit ones, only <c>ServerlessHttpApi</c>), in template order.</summary>
    public IReadOnlyList<TemplateResource> Resources { get; private init; } = [];

    public IReadOnlyList<FunctionResource> Functions { get; private init; } = [];

    public IReadOnlyList<HttpApiResource> HttpApis { get; private init; } = [];

    public IReadOnlyList<StateMachineResource> StateMachines { get; private init; } = [];

    public IReadOnlyList<TableResource> Tables { get; private init; } = [];

    public IReadOnlyList<QueueResource> Queues { get; private init; } = [];

    public IReadOnlyList<TopicResource> Topics { get; private init; } = [];

    public IReadOnlyList<BucketResource> Buckets { get; private init; } = [];

    /// <summary>Output values as text, by output name.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; private init; } = new Dictionary<string, string>();

    /// <summary>Reads a template file; errors name the file as given.</summary>
    /// <exception cref="TemplateException">Every problem found, with line and column.</exception>
    public static async Task<SamTemplate> LoadAsync(string path, TemplateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path, options, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads template text; <paramref name="baseDirectory"/> anchors relative DefinitionUri paths.</summary>
    /// <exception cref="TemplateException">Every problem found, with line and column.</exception>
    public static SamTemplate Parse(string text, string fileName = "template.yaml", TemplateOptions? options = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new TemplateOptions();
        var errors = new ErrorList(fileName);
        var parseErrors = new List<TemplateError>();
        var root = YamlLoader.Load(text, fileName, parseErrors);
        foreach (var error in parseErrors)
        {
            errors.Add(error.Line, error.Column, error.Message);
        }

        if (root is not MapNode top)
        {
            if (errors.Count == 0)
            {
                errors.Add(1, 1, "a template must be a mapping with a Resources section");
            }

            throw new TemplateException(errors.Sorted());
        }

        var template = Build(top, options, errors, baseDirectory ?? Directory.GetCurrentDirectory());
        return errors.Count > 0 ? throw new TemplateException(errors.Sorted()) : template;
    }

    private static SamTemplate Build(MapNode top, TemplateOptions options, ErrorList errors, string baseDirectory)
    {
        var parameters = ParameterValues.Resolve(top["Parameters"] as MapNode, options.ParameterOverrides, errors);
        var globals = GlobalsMerger.Sectioned(top["Globals"] as MapNode, errors);
        var declared = Declare(top["Resources"], globals, errors, top);
        var conditionNodes = (top["Conditions"] as MapNode)?.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, Node>(StringComparer.Ordinal);
        var evaluator = new Evaluator(errors, options, parameters, top["Mappings"] as MapNode, conditionNodes, declared);

        foreach (var section in new[] { "Conditions", "Resources", "Outputs" })
        {
            if (top[section] is { } node)
            {
                evaluator.CheckReferences(node);
            }
        }

        var conditions = conditionNodes.ToDictionary(c => c.Key, c => evaluator.Condition(c.Key, c.Value), StringComparer.Ordinal);
        var resources = new List<TemplateResource>();
        var positions = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var resource in declared.Values.Where(r => r.Declaration is MapNode || r.LogicalId == ResourceViews.ImplicitHttpApi))
        {
            if (resource.Condition is { } condition && !evaluator.Condition(condition, resource.Declaration))
            {
                continue;
            }

            var properties = resource.Properties is null ? new JsonObject() : evaluator.Evaluate(resource.Properties) as JsonObject ?? new JsonObject();
            if (evaluator.Physical(resource.LogicalId, resource.Declaration) is { } physical)
            {
                resources.Add(new TemplateResource(resource.LogicalId, resource.Type, physical, properties));
                positions[resource.LogicalId] = resource.Declaration;
            }
        }

        var views = new ResourceViews(resources, positions, declared, errors, baseDirectory);
        return new SamTemplate
        {
            Parameters = parameters.ToDictionary(p => p.Key, p => p.Value is JsonArray list ? string.Join(',', list.Select(i => i?.GetValue<string>())) : p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal),
            Conditions = conditions,
            Resources = resources,
            Functions = views.Functions(),
            HttpApis = views.HttpApis(),
            StateMachines = views.StateMachines(),
            Tables = views.Tables(),
            Queues = views.Queues(),
            Topics = views.Topics(),
            Buckets = views.Buckets(),
            Outputs = ResolveOutputs(top["Outputs"] as MapNode, evaluator),
        };
    }

    /// <summary>The declared resources with Globals merged, plus SAM's implicit ones (roles, the implicit HTTP API) so references to them resolve.</summary>
    private static Dictionary<string, ResourceNode> Declare(Node? section, IReadOnlyDictionary<string, MapNode> globals, ErrorList errors, MapNode top)
    {
        var declared = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        if (section is not MapNode resources)
        {
            errors.Add(section ?? top, "a template needs a Resources section (a mapping)");
            return declared;
        }

        var implicitNodes = new List<ResourceNode>();
        foreach (var (logicalId, node) in resources.Entries)
        {
            if (node is not MapNode { } body || body["Type"] is not ScalarNode { } type)
            {
                errors.Add(node, $"resource '{logicalId}' has no Type");
                continue;
            }

            var properties = body["Properties"] as MapNode;
            if (globals.TryGetValue(type.Value, out var global))
            {
                properties = GlobalsMerger.Merge(global, properties);
            }

            declared[logicalId] = new ResourceNode(logicalId, type.Value, properties, (body["Condition"] as ScalarNode)?.Value, body);
            if (type.Value is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine" && properties?["Role"] is null)
            {
                implicitNodes.Add(new ResourceNode(logicalId + "Role", "AWS::IAM::Role", null, null, body["Type"]!));
            }

            var events = (properties?["Events"] as MapNode)?.Entries.Select(e => e.Value).OfType<MapNode>() ?? [];
            if (events.Any(e => (e["Type"] as ScalarNode)?.Value == "HttpApi" && (e["Properties"] as MapNode)?["ApiId"] is null))
            {
                implicitNodes.Add(new ResourceNode(ResourceViews.ImplicitHttpApi, "AWS::Serverless::HttpApi", null, null, body["Type"]!));
            }
        }

        foreach (var node in implicitNodes)
        {
            declared.TryAdd(node.LogicalId, node);
        }

        return declared;
    }

    private static Dictionary<string, string> ResolveOutputs(MapNode? outputs, Evaluator evaluator)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in outputs?.Entries ?? [])
        {
            if (node is not MapNode { } output || output["Value"] is not { } valueNode)
            {
                continue;
            }

            if (output["Condition"] is ScalarNode condition && !evaluator.Condition(condition.Value, condition))
            {
                continue;
            }

            if (evaluator.Text(evaluator.Evaluate(valueNode), valueNode) is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
