using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>The 18 intrinsic functions of ASL's JSONPath mode.</summary>
internal enum IntrinsicName
{
    Format,
    StringToJson,
    JsonToString,
    Array,
    ArrayPartition,
    ArrayContains,
    ArrayRange,
    ArrayGetItem,
    ArrayLength,
    ArrayUnique,
    Base64Encode,
    Base64Decode,
    Hash,
    JsonMerge,
    MathRandom,
    MathAdd,
    StringSplit,
    UUID,
}

/// <summary>One compiled argument of an intrinsic call.</summary>
internal abstract class IntrinsicArgument
{
    /// <summary>The value; it may be shared or belong to the input, so callers copy it before attaching it anywhere.</summary>
    public abstract JsonNode? Evaluate(PathEvaluationContext context);
}

/// <summary>A literal: <c>'text'</c>, a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class LiteralArgument(JsonNode? value, string? template) : IntrinsicArgument
{
    /// <summary>For a string literal, its text with <c>\{</c>, <c>\}</c> and <c>\\</c> still escaped (States.Format needs them).</summary>
    public string? Template { get; } = template;

    public override JsonNode? Evaluate(PathEvaluationContext context) => value;
}

/// <summary>A path argument (<c>$.a</c>, <c>$$.Execution.Id</c>, <c>$var</c>); it must match something.</summary>
internal sealed class PathArgument(JsonPathExpression path) : IntrinsicArgument
{
    public JsonPathExpression Path { get; } = path;

    public override JsonNode? Evaluate(PathEvaluationContext context)
    {
        if (!Path.TryEvaluateArgument(context, out var value))
        {
            throw new IntrinsicError(
                $"The JsonPath argument for the field '{Path.ArgumentText}' could not be found in the input '{JsonText.Compact(context.Input)}'");
        }

        return value;
    }
}

/// <summary>A nested intrinsic call used as an argument.</summary>
internal sealed class CallArgument(IntrinsicCall call) : IntrinsicArgument
{
    public IntrinsicCall Call { get; } = call;

    public override JsonNode? Evaluate(PathEvaluationContext context) => Call.Evaluate(context);
}

/// <summary>A compiled call: the function and its arguments.</summary>
internal sealed class IntrinsicCall(IntrinsicName name, IntrinsicArgument[] arguments)
{
    public IntrinsicName Name { get; } = name;

    public IntrinsicArgument[] Arguments { get; } = arguments;

    public JsonNode? Evaluate(PathEvaluationContext context)
    {
        var values = Arguments.Length == 0 ? [] : new JsonNode?[Arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(context);
        }

        return IntrinsicLibrary.Invoke(this, values, context);
    }

    /// <summary>Adds every variable name the call (and nested calls) reads.</summary>
    public void AddVariableReferences(ISet<string> names)
    {
        foreach (var argument in Arguments)
        {
            switch (argument)
            {
                case PathArgument { Path.Root: PathRoot.Variable } p:
                    names.Add(p.Path.VariableName!);
                    break;
                case CallArgument c:
                    c.Call.AddVariableReferences(names);
                    break;
            }
        }
    }
}

/// <summary>Internal signal of a failed intrinsic; the top-level call turns it into AWS's cause.</summary>
internal sealed class IntrinsicError : Exception
{
    public IntrinsicError()
    {
    }

    public IntrinsicError(string message)
        : base(message)
    {
    }

    public IntrinsicError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static IntrinsicError InvalidArguments(IntrinsicName name, string? reason = null) =>
        new(reason is null ? $"Invalid arguments in States.{name}" : $"Invalid arguments in States.{name}: {reason}");
}
