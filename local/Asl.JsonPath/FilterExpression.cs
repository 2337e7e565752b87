using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Asl.JsonPath;

/// <summary>A compiled filter predicate (<c>[?(...)]</c>), evaluated against the current item <c>@</c> and the root <c>$</c>.</summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(JsonNode? current, JsonNode? root);
}

/// <summary>The comparison operators Jayway's filters support here.</summary>
internal enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    RegexMatch,
    In,
    NotIn,
}

internal sealed class OrFilter(FilterExpression[] parts) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        foreach (var part in parts)
        {
            if (part.Matches(current, root))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class AndFilter(FilterExpression[] parts) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        foreach (var part in parts)
        {
            if (!part.Matches(current, root))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => !inner.Matches(current, root);
}

internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        if (!operand.TryResolve(current, root, out var value))
        {
            return false;
        }

        // A bare literal is a truth test; a path is an existence test (an indefinite one must find something).
        return operand switch
        {
            PathOperand { IsDefinite: false } => value is JsonArray { Count: > 0 },
            PathOperand => true,
            _ => JsonText.Kind(value) is not (JsonValueKind.False or JsonValueKind.Null),
        };
    }
}

internal sealed class CompareFilter(FilterOperand left, FilterOperator op, FilterOperand right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        var hasLeft = left.TryResolve(current, root, out var l);
        if (op == FilterOperator.RegexMatch)
        {
            return hasLeft && right is RegexOperand regex && JsonText.TryGetString(l, out var text) && regex.IsMatch(text);
        }

        var hasRight = right.TryResolve(current, root, out var r);
        return op switch
        {
            FilterOperator.Equal => hasLeft && hasRight && AreEqual(l, r),
            FilterOperator.NotEqual => !(hasLeft && hasRight && AreEqual(l, r)),
            FilterOperator.In => hasLeft && hasRight && Contains(r, l),
            FilterOperator.NotIn => hasLeft && hasRight && r is JsonArray && !Contains(r, l),
            _ => hasLeft && hasRight && Ordered(l, r),
        };
    }

    // Jayway compares a number with a numeric string by value.
    private static bool AreEqual(JsonNode? l, JsonNode? r)
    {
        var lk = JsonText.Kind(l);
        var rk = JsonText.Kind(r);
        if (lk == JsonValueKind.Number && rk == JsonValueKind.String)
        {
            return NumberEqualsText(l, r);
        }

        if (lk == JsonValueKind.String && rk == JsonValueKind.Number)
        {
            return NumberEqualsText(r, l);
        }

        return JsonEquality.Instance.Equals(l, r);
    }

    private static bool NumberEqualsText(JsonNode? number, JsonNode? text) =>
        JsonText.TryGetNumber(number, out var n)
        && double.TryParse(text!.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t)
        && n.Equals(t);

    private static bool Contains(JsonNode? array, JsonNode? item)
    {
        if (array is not JsonArray items)
        {
            return false;
        }

        foreach (var candidate in items)
        {
            if (AreEqual(candidate, item))
            {
                return true;
            }
        }

        return false;
    }

    private bool Ordered(JsonNode? l, JsonNode? r)
    {
        int comparison;
        if (JsonText.TryGetNumber(l, out var a) && JsonText.TryGetNumber(r, out var b))
        {
            comparison = a.CompareTo(b);
        }
        else if (JsonText.TryGetString(l, out var s) && JsonText.TryGetString(r, out var t))
        {
            comparison = string.CompareOrdinal(s, t);
        }
        else
        {
            return false;
        }

        return op switch
        {
            FilterOperator.Less => comparison < 0,
            FilterOperator.LessOrEqual => comparison <= 0,
            FilterOperator.Greater => comparison > 0,
            _ => comparison >= 0,
        };
    }
}

/// <summary>One side of a filter comparison.</summary>
internal abstract class FilterOperand
{
    /// <summary>False when the operand is undefined (a path that found nothing).</summary>
    public abstract bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value);
}

internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value1)
    {
        value1 = value;
        return true;
    }
}

internal sealed class PathOperand(bool relative, PathSegment[] segments) : FilterOperand
{
    public bool IsDefinite { get; } = PathWalker.IsDefinite(segments);

    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        var start = relative ? current : root;
        if (IsDefinite)
        {
            return PathWalker.TryWalkDefinite(segments, start, out value);
        }

        var results = new List<JsonNode?>();
        PathWalker.Collect(segments, 0, start, root, upstreamDefinite: false, results);
        var array = new JsonArray();
        foreach (var item in results)
        {
            array.Add(JsonText.Detach(item));
        }

        value = array;
        return true;
    }
}

internal sealed class RegexOperand(Regex regex, string pattern) : FilterOperand
{
    public bool IsMatch(string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new JsonPathEvaluationException(
                JsonPathEvaluationException.RuntimeError,
                $"The regular expression /{pattern}/ took too long to evaluate.");
        }
    }

    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        value = JsonValue.Create(pattern);
        return true;
    }
}
