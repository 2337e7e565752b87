using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>A compiled payload template: Parameters, ResultSelector, ItemSelector or Assign in JSONPath mode.</summary>
public sealed class PayloadTemplate
{
    private PayloadTemplate()
    {
    }

    public IReadOnlySet<string> VariableReferences { get; } = new HashSet<string>();

    public static PayloadTemplate Compile(JsonNode? template) => throw new NotImplementedException(template?.ToJsonString());

    public JsonNode? Evaluate(PathEvaluationContext context) => throw new NotImplementedException();
}
