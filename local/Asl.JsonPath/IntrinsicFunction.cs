using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>A compiled intrinsic function call such as <c>States.Format('{}', $.a)</c>.</summary>
public sealed class IntrinsicFunction
{
    private IntrinsicFunction()
    {
    }

    public static IntrinsicFunction Parse(string text) => throw new NotImplementedException(text);

    public static bool IsIntrinsic(string text) => throw new NotImplementedException(text);

    public JsonNode? Evaluate(PathEvaluationContext context) => throw new NotImplementedException();
}
