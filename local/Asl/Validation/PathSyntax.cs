using Asl.JsonPath;

namespace Asl;

/// <summary>Definition-time syntax checks of paths and intrinsic calls, through the engine's own JSONPath library.</summary>
internal static class PathSyntax
{
    /// <summary>A path that may select several values (InputPath, OutputPath, ItemsPath).</summary>
    public static bool IsPath(string text) => JsonPathExpression.TryParse(text, out _, out _);

    /// <summary>A path that selects at most one value (the <c>*Path</c> fields, Choice <c>Variable</c>).</summary>
    public static bool IsReferencePath(string text) => JsonPathExpression.TryParse(text, out var path, out _) && path!.IsDefinite;

    /// <summary>A ResultPath: definite and rooted at <c>$</c>.</summary>
    public static bool IsResultPath(string text)
    {
        try
        {
            ResultPathExpression.Parse(text);
            return true;
        }
        catch (JsonPathException)
        {
            return false;
        }
    }

    /// <summary>The value of a <c>.$</c> field, ErrorPath or CausePath: a path or an intrinsic function call.</summary>
    public static bool IsPathOrIntrinsic(string text)
    {
        if (!IntrinsicFunction.IsIntrinsic(text))
        {
            return IsPath(text);
        }

        try
        {
            IntrinsicFunction.Parse(text);
            return true;
        }
        catch (JsonPathException)
        {
            return false;
        }
    }
}
