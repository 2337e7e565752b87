using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>A JSONPath-mode field: a literal, a <c>*Path</c> reference, or (ErrorPath/CausePath) an intrinsic call.</summary>
internal sealed class JsonPathFieldValue(string fieldName, JsonNode? literal, CompiledPath? path, CompiledIntrinsic? intrinsic, bool identity = false) : FieldValue
{
    public override string FieldName => fieldName;

    public override bool IsDynamic => path is not null || intrinsic is not null || identity;

    public override string Describe => path?.Path.Text ?? intrinsic?.Text ?? (identity ? "$" : literal?.ToJsonString() ?? "null");

    public override bool TryEvaluate(in StateVisit visit, JsonNode? input, out JsonNode? value)
    {
        if (identity)
        {
            value = input;
            return true;
        }

        try
        {
            if (path is not null)
            {
                return path.Path.TryEvaluate(visit.Paths(input, path.UsesContext), out value);
            }

            if (intrinsic is not null)
            {
                value = intrinsic.Function.Evaluate(visit.Paths(input, intrinsic.UsesContext));
                return true;
            }
        }
        catch (JsonPathException e)
        {
            throw visit.Failure(e);
        }

        value = literal;
        return true;
    }
}
