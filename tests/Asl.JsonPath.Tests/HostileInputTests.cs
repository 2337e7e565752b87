using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

public class HostileInputTests
{
    [Fact]
    public void Parse_PathLongerThanTheLimit_ThrowsSyntaxError()
    {
        var text = "$" + string.Concat(Enumerable.Repeat(".a", 40000));

        Assert.Throws<JsonPathSyntaxException>(() => JsonPathExpression.Parse(text));
    }

    [Fact]
    public void Parse_LongButValidPath_EvaluatesWithoutRecursionTrouble()
    {
        var text = "$" + string.Concat(Enumerable.Repeat(".a", 20000));

        var found = JsonPathExpression.Parse(text).TryEvaluate(TestJson.Context("""{"a":{"a":1}}"""), out _);

        Assert.False(found);
    }

    [Fact]
    public void Parse_DeeplyNestedFilter_ThrowsSyntaxError()
    {
        var text = "$[?(" + new string('(', 5000) + "@.a" + new string(')', 5000) + ")]";

        Assert.Throws<JsonPathSyntaxException>(() => JsonPathExpression.Parse(text));
    }

    [Fact]
    public void Parse_ManyNegations_ThrowsSyntaxError()
    {
        var text = "$[?(" + new string('!', 5000) + "@.a)]";

        Assert.Throws<JsonPathSyntaxException>(() => JsonPathExpression.Parse(text));
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_FinishesWithoutAMatch()
    {
        var context = TestJson.Context($$"""{"items":[{"s":"{{new string('a', 5000)}}!"}]}""");
        var path = JsonPathExpression.Parse("$.items[?(@.s =~ /(a+)+$/)]");

        var value = path.Evaluate(context);

        Assert.Equal("[]", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_BackreferenceRegex_StillMatches()
    {
        var value = JsonPathExpression.Parse("$.items[?(@ =~ /(a)\\1b/)]").Evaluate(TestJson.Context("""{"items":["aab","ab"]}"""));

        Assert.Equal("""["aab"]""", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_DeepScanAt900Levels_FindsTheValue()
    {
        var context = new PathEvaluationContext { Input = Nested(900, new JsonObject { ["x"] = 1 }) };

        var value = JsonPathExpression.Parse("$..x").Evaluate(context);

        Assert.Equal("[1]", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_DeepScanPast1000Levels_ThrowsInsteadOfOverflowing()
    {
        var context = new PathEvaluationContext { Input = Nested(20000, new JsonObject { ["x"] = 1 }) };

        var error = Assert.Throws<JsonPathEvaluationException>(() => JsonPathExpression.Parse("$..x").Evaluate(context));

        Assert.Equal(("States.Runtime", "The JSON value is nested more than 1000 levels deep."), (error.Error, error.Message));
    }

    [Fact]
    public void Evaluate_DeepScanCopyingNestedMatches_StopsAtTheCopyBudget()
    {
        var leaves = new JsonArray();
        for (var i = 0; i < 1000; i++)
        {
            leaves.Add(new JsonArray());
        }

        var context = new PathEvaluationContext { Input = Nested(990, leaves) };

        var error = Assert.Throws<JsonPathEvaluationException>(() => JsonPathExpression.Parse("$..n").Evaluate(context));

        Assert.Equal("The result of the path would copy more than 500000 values.", error.Message);
    }

    [Fact]
    public void Parse_ThousandsOfNestedIntrinsics_ThrowsSyntaxError()
    {
        var text = string.Concat(Enumerable.Repeat("States.Array(", 5000)) + new string(')', 5000);

        Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicFunction.Parse(text));
    }

    [Fact]
    public void Evaluate_StringToJsonOfDeeplyNestedText_FailsWithInvalidArguments()
    {
        var context = TestJson.Context($$"""{"s":"{{new string('[', 10000)}}{{new string(']', 10000)}}"}""");

        var error = Assert.Throws<JsonPathEvaluationException>(() => IntrinsicFunction.Parse("States.StringToJson($.s)").Evaluate(context));

        Assert.EndsWith("Invalid arguments in States.StringToJson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeIntrinsicArgumentList_IsBoundedByTheLengthLimit()
    {
        var text = "States.Array(" + string.Join(',', Enumerable.Repeat("1", 40000)) + ")";

        Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicFunction.Parse(text));
    }

    [Fact]
    public void Parse_DanglingBackslashInAFilterString_ThrowsSyntaxError()
    {
        Assert.Throws<JsonPathSyntaxException>(() => JsonPathExpression.Parse("$[?(@.a == 'x\\"));
    }

    private static JsonNode Nested(int levels, JsonNode leaf)
    {
        var node = leaf;
        for (var i = 0; i < levels; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }
}
