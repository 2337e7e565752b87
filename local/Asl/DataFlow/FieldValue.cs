using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// A field that is either a literal or read at run time (JSONPath: a <c>*Path</c> sibling; JSONata: <c>{% %}</c>),
/// e.g. TimeoutSeconds, Seconds, MaxConcurrency, Error. <see cref="Describe"/> names the source for error messages.
/// </summary>
internal abstract class FieldValue
{
    /// <summary>The field name as AWS's messages quote it, e.g. <c>SecondsPath</c>.</summary>
    public abstract string FieldName { get; }

    /// <summary>Whether the value comes from the input (not a literal).</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>The path or expression text, or the literal's JSON.</summary>
    public abstract string Describe { get; }

    /// <summary>Reads the value; false when a path matches nothing.</summary>
    public abstract bool TryEvaluate(in StateVisit visit, JsonNode? input, out JsonNode? value);
}
