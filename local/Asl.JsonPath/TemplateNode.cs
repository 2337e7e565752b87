using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>One compiled node of a payload template.</summary>
internal abstract class TemplateNode
{
    public abstract JsonNode? Evaluate(PathEvaluationContext context);
}

/// <summary>A subtree with no <c>.$</c> key anywhere: copied as is.</summary>
internal sealed class LiteralTemplate(JsonNode? value) : TemplateNode
{
    public override JsonNode? Evaluate(PathEvaluationContext context) => value?.DeepClone();
}

internal sealed class ObjectTemplate(KeyValuePair<string, TemplateNode>[] members) : TemplateNode
{
    public override JsonNode? Evaluate(PathEvaluationContext context)
    {
        var result = new JsonObject();
        foreach (var member in members)
        {
            result.Add(member.Key, member.Value.Evaluate(context));
        }

        return result;
    }
}

internal sealed class ArrayTemplate(TemplateNode[] items) : TemplateNode
{
    public override JsonNode? Evaluate(PathEvaluationContext context)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item.Evaluate(context));
        }

        return result;
    }
}

/// <summary>A <c>"key.$": "$..."</c> member: the path's value, copied out of the data it came from.</summary>
internal sealed class PathTemplate(JsonPathExpression path, string fieldName) : TemplateNode
{
    private readonly bool _fresh = path.ResultIsFresh;

    public override JsonNode? Evaluate(PathEvaluationContext context)
    {
        var value = path.EvaluateForField(context, fieldName);
        return _fresh ? value : value?.DeepClone();
    }
}

/// <summary>A <c>"key.$": "States.X(...)"</c> member.</summary>
internal sealed class IntrinsicTemplate(IntrinsicFunction function) : TemplateNode
{
    public override JsonNode? Evaluate(PathEvaluationContext context) => JsonText.Detach(function.Evaluate(context));
}
