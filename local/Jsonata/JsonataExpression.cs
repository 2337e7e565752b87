using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>
/// A compiled JSONata expression: immutable, thread-safe and reusable. <see cref="Compile"/> keeps a bounded cache,
/// so the same text is parsed once.
/// </summary>
public sealed class JsonataExpression
{
    private const int CacheLimit = 2048;
    private static readonly ConcurrentDictionary<string, JsonataExpression> Cache = new(StringComparer.Ordinal);

    private JsonataExpression(string text, JsonataNode ast)
    {
        Text = text;
        Ast = ast;
    }

    /// <summary>The expression text.</summary>
    public string Text { get; }

    /// <summary>The processed syntax tree, for inspection.</summary>
    public JsonataNode Ast { get; }

    /// <summary>Compiles (or fetches from the cache) an expression; syntax errors throw <see cref="JsonataException"/>.</summary>
    public static JsonataExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (Cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        var compiled = new JsonataExpression(expression, Parser.Parse(expression));
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(expression, compiled);
    }

    /// <summary>Evaluates against <paramref name="input"/> (null means JSON null; use <see cref="EvaluateUndefined"/> for no input).</summary>
    public JsonataResult Evaluate(JsonNode? input, JsonataBindings? bindings = null, JsonataOptions? options = null) =>
        Run(Values.FromNode(input), bindings, options);

    /// <summary>Evaluates with no input document at all (JSONata's undefined input).</summary>
    public JsonataResult EvaluateUndefined(JsonataBindings? bindings = null, JsonataOptions? options = null) =>
        Run(null, bindings, options);

    /// <summary>Evaluates and returns false when the result is undefined; a function result throws.</summary>
    public bool TryEvaluate(JsonNode? input, out JsonNode? result, JsonataBindings? bindings = null, JsonataOptions? options = null)
    {
        var r = Evaluate(input, bindings, options);
        if (r.Kind == JsonataResultKind.Function)
        {
            throw new JsonataException("T1006", "The expression evaluated to a function, which has no JSON value");
        }

        result = r.Value;
        return r.Kind == JsonataResultKind.Value;
    }

    private JsonataResult Run(object? input, JsonataBindings? bindings, JsonataOptions? options)
    {
        options ??= JsonataOptions.Default;
        var ctx = new EvalContext
        {
            MaxDepth = options.MaxDepth,
            NowMillis = options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (options.TimeLimit is { } limit)
        {
            ctx.Deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        }

        bindings?.Apply(ctx);
        var env = new Frame(ctx);
        env.Bind("$", input);
        if (input is Seq { Sequence: false } arr)
        {
            var wrapped = Seq.NewSequence();
            wrapped.Add(arr);
            wrapped.OuterWrapper = true;
            input = wrapped;
        }

        object? result;
        try
        {
            result = Evaluator.Evaluate(Ast, input, env);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new JsonataException("U1001", "Regular expression evaluation timed out");
        }

        return JsonataBindings.ToResult(result);
    }
}
