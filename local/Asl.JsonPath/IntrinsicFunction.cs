using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>
/// A compiled intrinsic function call such as <c>States.Format('{}', $.a)</c> (JSONPath mode). Parse once, evaluate
/// many times. A failure is States.Runtime with AWS's cause "The function '&lt;call&gt;' had the following error: ...".
/// </summary>
public sealed class IntrinsicFunction
{
    private readonly IntrinsicCall _call;

    private IntrinsicFunction(string text, IntrinsicCall call)
    {
        Text = text;
        _call = call;
        var names = new HashSet<string>(StringComparer.Ordinal);
        call.AddVariableReferences(names);
        VariableReferences = names;
    }

    /// <summary>The call as written.</summary>
    public string Text { get; }

    /// <summary>The variable names (<c>$name</c> roots) the call reads.</summary>
    public IReadOnlySet<string> VariableReferences { get; }

    /// <summary>Compiles a call; throws <see cref="IntrinsicSyntaxException"/> when it is not a valid one.</summary>
    public static IntrinsicFunction Parse(string text) => new(text, IntrinsicParser.Parse(text));

    /// <summary>True when the text has the shape of an intrinsic call (<c>States.Name(</c>...), valid or not.</summary>
    public static bool IsIntrinsic(string text) => text is not null && IntrinsicParser.LooksLikeCall(text);

    /// <summary>Evaluates the call; the result may share nodes with the input, so copy it before attaching it elsewhere.</summary>
    public JsonNode? Evaluate(PathEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return _call.Evaluate(context);
        }
        catch (IntrinsicError e)
        {
            throw new JsonPathEvaluationException(
                JsonPathEvaluationException.RuntimeError,
                $"The function '{Text}' had the following error: {e.Message}");
        }
    }
}
