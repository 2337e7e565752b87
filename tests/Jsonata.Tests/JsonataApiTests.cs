using System.Text.Json.Nodes;

namespace Jsonata.Tests;

public class JsonataApiTests
{
    [Fact]
    public void Compile_SameTextTwice_ReturnsTheCachedExpression()
    {
        var first = JsonataExpression.Compile("order.lines[qty > 1].sku");

        var second = JsonataExpression.Compile("order.lines[qty > 1].sku");

        Assert.Same(first, second);
    }

    [Fact]
    public void Compile_UnclosedParenthesis_ThrowsSyntaxErrorWithPositionAndToken()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("(1 + 2"));

        Assert.Equal("S0203", error.Code);
        Assert.Equal(6, error.Position);
        Assert.Equal("(end)", error.Token);
    }

    [Fact]
    public void Evaluate_MissingField_IsUndefinedNotNull()
    {
        var result = JsonataExpression.Compile("missing").Evaluate(JsonNode.Parse("""{"present": null}"""));

        Assert.Equal(JsonataResultKind.Undefined, result.Kind);
    }

    [Fact]
    public void Evaluate_NullField_IsJsonNull()
    {
        var result = JsonataExpression.Compile("present").Evaluate(JsonNode.Parse("""{"present": null}"""));

        Assert.Equal(JsonataResultKind.Value, result.Kind);
        Assert.Null(result.Value);
    }

    [Fact]
    public void TryEvaluate_UndefinedResult_ReturnsFalse()
    {
        var found = JsonataExpression.Compile("missing").TryEvaluate(JsonNode.Parse("{}"), out var value);

        Assert.False(found);
        Assert.Null(value);
    }

    [Fact]
    public void Evaluate_LambdaResult_IsReportedAsFunction()
    {
        var result = JsonataExpression.Compile("function($x) { $x + 1 }").Evaluate(null);

        Assert.Equal(JsonataResultKind.Function, result.Kind);
    }

    [Fact]
    public void Evaluate_ResultFromInput_IsDetachedAndLeavesInputUntouched()
    {
        var input = JsonNode.Parse("""{"order": {"id": "o-1", "lines": [1, 2]}}""")!;

        var result = JsonataExpression.Compile("order").Evaluate(input);
        new JsonObject { ["copy"] = result.Value };

        Assert.Equal("""{"order":{"id":"o-1","lines":[1,2]}}""", input.ToJsonString());
        Assert.Equal("""{"id":"o-1","lines":[1,2]}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void Evaluate_BoundVariable_IsVisibleAsDollarName()
    {
        var bindings = new JsonataBindings().Variable("limit", JsonValue.Create(10));

        var result = JsonataExpression.Compile("items[price > $limit].name").Evaluate(
            JsonNode.Parse("""{"items": [{"name": "a", "price": 5}, {"name": "b", "price": 15}]}"""),
            bindings);

        Assert.Equal("b", result.Value!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_CustomFunction_ReceivesArgumentsAndContext()
    {
        var bindings = new JsonataBindings().Function(
            "twice",
            "<n-:n>",
            args => JsonataResult.FromValue(JsonValue.Create(args[0].Value!.GetValue<double>() * 2)));

        var result = JsonataExpression.Compile("[$twice(4), price.$twice()]").Evaluate(JsonNode.Parse("""{"price": 21}"""), bindings);

        Assert.Equal("[8,42]", result.Value!.ToJsonString());
    }

    [Fact]
    public void Evaluate_CustomFunctionWithWrongArgumentType_ThrowsT0410()
    {
        var bindings = new JsonataBindings().Function("twice", "<n:n>", args => args[0]);

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$twice('x')").Evaluate(null, bindings));

        Assert.Equal("T0410", error.Code);
        Assert.Equal("twice", error.Token);
    }

    [Fact]
    public void Evaluate_RemovedEval_CannotBeCalled()
    {
        var bindings = new JsonataBindings().Remove("eval");

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$eval('1 + 1')").Evaluate(null, bindings));

        Assert.Equal("T1006", error.Code);
    }

    [Fact]
    public void Evaluate_EvalNotRemoved_StillWorks()
    {
        var result = JsonataExpression.Compile("$eval('1 + 1')").Evaluate(null);

        Assert.Equal(2, result.Value!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_EndlessTailRecursionWithTimeLimit_ThrowsU1001()
    {
        var options = new JsonataOptions { TimeLimit = TimeSpan.FromMilliseconds(200) };

        var error = Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($loop := function($n) { $loop($n + 1) }; $loop(0))").Evaluate(null, null, options));

        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_RecursionDeeperThanDepthLimit_ThrowsU1001()
    {
        var options = new JsonataOptions { MaxDepth = 100 };

        var error = Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000))").Evaluate(null, null, options));

        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_RunawayRecursionWithoutDepthLimit_ThrowsU1001InsteadOfCrashing()
    {
        var options = new JsonataOptions { MaxDepth = int.MaxValue };

        var error = Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($f := function($n) { 1 + $f($n + 1) }; $f(0))").Evaluate(null, null, options));

        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_NowAndMillis_ReadTheInjectedClockOncePerEvaluation()
    {
        var options = new JsonataOptions { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)) };

        var result = JsonataExpression.Compile("{'now': $now(), 'same': $millis() = $millis(), 'millis': $millis()}").Evaluate(null, null, options);

        Assert.Equal("""{"now":"2024-01-02T03:04:05.000Z","same":true,"millis":1704164645000}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void Ast_TopLevelRootAndFieldReferences_AreVisibleToConsumers()
    {
        var root = JsonataExpression.Compile("$").Ast;
        var field = JsonataExpression.Compile("order.id").Ast;

        Assert.Equal(JsonataNodeKind.Variable, root.Kind);
        Assert.Equal("", root.Value);
        Assert.Equal(JsonataNodeKind.Path, field.Kind);
        Assert.Equal(["order", "id"], field.Steps.Select(s => s.Value));
    }

    [Fact]
    public void Evaluate_SameExpressionOnManyThreads_GivesTheSameResults()
    {
        var expression = JsonataExpression.Compile("$sum(items.(price * qty))");
        var input = JsonNode.Parse("""{"items": [{"price": 2, "qty": 3}, {"price": 4, "qty": 5}]}""");

        var results = new double[64];
        Parallel.For(0, results.Length, i => results[i] = expression.Evaluate(input).Value!.GetValue<double>());

        Assert.All(results, r => Assert.Equal(26, r));
    }

    [Fact]
    public void Compile_ExtremelyNestedExpression_ThrowsInsteadOfCrashing()
    {
        var text = new string('(', 200_000) + "1" + new string(')', 200_000);

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(text));

        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_DateOutOfRange_ThrowsNamedError()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$fromMillis(1e20)").Evaluate(null));

        Assert.Equal("D1001", error.Code);
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_IsStoppedByTheRegexTimeout()
    {
        var input = JsonValue.Create(new string('a', 40) + "!");

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$match($, /^(a+)+$/)").Evaluate(input));

        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_RegexEndAnchor_MatchesOnlyAtTheEndLikeJavaScript()
    {
        var result = JsonataExpression.Compile("[$contains('abc\\n', /c$/), $contains('abc', /c$/), $contains('abc\\nd', /c$/m)]").Evaluate(null);

        Assert.Equal("[false,true,true]", result.Value!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ObjectWithIndexLikeKeys_ListsThemFirstAsJavaScriptDoes()
    {
        var input = JsonNode.Parse("""{"b": 1, "10": 2, "2": 3, "01": 4}""");

        var keys = JsonataExpression.Compile("$keys($)").Evaluate(input);
        var text = JsonataExpression.Compile("$string({'b': 1, '10': 2, '2': 3})").Evaluate(input);

        Assert.Equal("""["2","10","b","01"]""", keys.Value!.ToJsonString());
        Assert.Equal("""{"2":3,"10":2,"b":1}""", text.Value!.GetValue<string>());
    }
}
