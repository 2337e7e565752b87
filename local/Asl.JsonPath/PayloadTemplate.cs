using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// A compiled payload template (Parameters, ResultSelector, ItemSelector, Assign in JSONPath mode): keys ending in
/// <c>.$</c> are evaluated (a <c>$</c>, <c>$$</c> or <c>$name</c> path, otherwise an intrinsic) and lose the suffix;
/// everything else is a literal at any depth. Compile once, evaluate many times; every evaluation builds a new tree.
/// </summary>
public sealed class PayloadTemplate
{
    /// <summary>Deepest template nesting accepted.</summary>
    public const int MaxDepth = 512;

    private const string DynamicSuffix = ".$";

    private readonly TemplateNode _root;

    private PayloadTemplate(TemplateNode root, HashSet<string> variables)
    {
        _root = root;
        VariableReferences = variables;
    }

    /// <summary>The variable names (<c>$name</c> roots) the template reads, for variableReferences.</summary>
    public IReadOnlySet<string> VariableReferences { get; }

    /// <summary>Compiles a template; throws <see cref="JsonPathSyntaxException"/> or <see cref="IntrinsicSyntaxException"/>.</summary>
    public static PayloadTemplate Compile(JsonNode? template)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var root = CompileNode(template, variables, 0);
        return new PayloadTemplate(root, variables);
    }

    /// <summary>Builds the payload; throws States.Runtime when a path finds nothing or an intrinsic fails.</summary>
    public JsonNode? Evaluate(PathEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _root.Evaluate(context);
    }

    private static TemplateNode CompileNode(JsonNode? node, HashSet<string> variables, int depth)
    {
        if (depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonPathSyntaxException($"The payload template is nested more than {MaxDepth} levels deep.");
        }

        switch (node)
        {
            case JsonObject obj:
                var members = new List<KeyValuePair<string, TemplateNode>>(obj.Count);
                var names = new HashSet<string>(StringComparer.Ordinal);
                var dynamic = false;
                foreach (var pair in obj)
                {
                    TemplateNode child;
                    string name;
                    if (pair.Key.EndsWith(DynamicSuffix, StringComparison.Ordinal))
                    {
                        name = pair.Key[..^DynamicSuffix.Length];
                        child = CompileDynamic(pair.Key, pair.Value, variables);
                    }
                    else
                    {
                        name = pair.Key;
                        child = CompileNode(pair.Value, variables, depth + 1);
                    }

                    if (!names.Add(name))
                    {
                        throw new JsonPathSyntaxException($"The field '{name}' is defined more than once after the '.$' suffix is removed.");
                    }

                    dynamic |= child is not LiteralTemplate;
                    members.Add(new(name, child));
                }

                return dynamic ? new ObjectTemplate([.. members]) : new LiteralTemplate(node.DeepClone());
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                var anyDynamic = false;
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = CompileNode(array[i], variables, depth + 1);
                    anyDynamic |= items[i] is not LiteralTemplate;
                }

                return anyDynamic ? new ArrayTemplate(items) : new LiteralTemplate(node.DeepClone());
            default:
                return new LiteralTemplate(node?.DeepClone());
        }
    }

    private static TemplateNode CompileDynamic(string fieldName, JsonNode? value, HashSet<string> variables)
    {
        var invalid = $"The value for the field '{fieldName}' must be a valid JSONPath or a valid intrinsic function call";
        if (value is not JsonValue || value.GetValueKind() != JsonValueKind.String)
        {
            throw new JsonPathSyntaxException(invalid);
        }

        var text = value.GetValue<string>();
        if (text.StartsWith('$'))
        {
            if (!JsonPathExpression.TryParse(text, out var path, out var error))
            {
                throw new JsonPathSyntaxException($"{invalid}: {error}");
            }

            if (path.Root == PathRoot.Variable)
            {
                variables.Add(path.VariableName!);
            }

            return new PathTemplate(path, fieldName);
        }

        IntrinsicFunction function;
        try
        {
            function = IntrinsicFunction.Parse(text);
        }
        catch (IntrinsicSyntaxException e)
        {
            throw new IntrinsicSyntaxException($"{invalid}: {e.Message}", e);
        }

        variables.UnionWith(function.VariableReferences);
        return new IntrinsicTemplate(function);
    }
}
