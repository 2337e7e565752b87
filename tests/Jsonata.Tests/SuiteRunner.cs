using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jsonata.Tests;

/// <summary>Runs one suite case the way the reference runner does and says whether it passed.</summary>
public static class SuiteRunner
{
    public sealed record Outcome(bool Passed, string Detail);

    public static Outcome Run(SuiteCase c)
    {
        try
        {
            var expr = JsonataExpression.Compile(c.Expression);
            var bindings = new JsonataBindings();
            foreach (var kv in c.Bindings ?? [])
            {
                bindings.Variable(kv.Key, kv.Value?.DeepClone());
            }

            var options = new JsonataOptions
            {
                MaxDepth = c.Depth ?? 100_000,
                TimeLimit = c.TimeLimitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
            var result = c.HasInput ? expr.Evaluate(c.Input, bindings, options) : expr.EvaluateUndefined(bindings, options);
            if (c.ExpectedCode is not null)
            {
                return new Outcome(false, $"expected error {c.ExpectedCode}, got {Show(result)}");
            }

            if (c.ExpectsUndefined)
            {
                return new Outcome(result.IsUndefined, $"expected undefined, got {Show(result)}");
            }

            return new Outcome(
                result.Kind == JsonataResultKind.Value && JsonEquals(c.ExpectedResult, result.Value),
                $"expected {c.ExpectedResult?.ToJsonString() ?? "null"}, got {Show(result)}");
        }
        catch (JsonataException e)
        {
            if (c.ExpectedCode is null)
            {
                return new Outcome(false, $"unexpected error {e.Code}: {e.Message}");
            }

            var tokenOk = c.ExpectedToken is null || c.ExpectedToken == e.Token;
            return new Outcome(
                e.Code == c.ExpectedCode && tokenOk,
                $"expected error {c.ExpectedCode} token {c.ExpectedToken}, got {e.Code} token {e.Token}: {e.Message}");
        }
    }

    private static string Show(JsonataResult r) => r.Kind switch
    {
        JsonataResultKind.Undefined => "undefined",
        JsonataResultKind.Function => "a function",
        _ => r.Value?.ToJsonString() ?? "null",
    };

    public static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa:
                if (b is not JsonObject ob || oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var kv in oa)
                {
                    if (!ob.TryGetPropertyValue(kv.Key, out var bv) || !JsonEquals(kv.Value, bv))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray aa:
                if (b is not JsonArray ab || aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!JsonEquals(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var ka = a.GetValueKind();
                var kb = b.GetValueKind();
                if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
                {
                    return a.GetValue<double>() == b.GetValue<double>();
                }

                return ka == kb && a.ToJsonString() == b.ToJsonString();
        }
    }
}
