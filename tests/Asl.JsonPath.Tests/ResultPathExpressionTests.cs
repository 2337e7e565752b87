using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

public class ResultPathExpressionTests
{
    [Fact]
    public void Apply_Root_ReplacesTheInputWithTheResult()
    {
        var output = ResultPathExpression.Parse("$").Apply(TestJson.Parse("""{"a":1}"""), TestJson.Parse("""{"r":true}"""));

        Assert.Equal("""{"r":true}""", TestJson.Text(output));
    }

    [Theory]
    [InlineData("$.result", """{"a":1}""", """{"a":1,"result":{"r":true}}""")]
    [InlineData("$.a", """{"a":1}""", """{"a":{"r":true}}""")]
    [InlineData("$.x.y.z", "{}", """{"x":{"y":{"z":{"r":true}}}}""")]
    [InlineData("$['x'].y", """{"x":{"k":1}}""", """{"x":{"k":1,"y":{"r":true}}}""")]
    [InlineData("$.list[1]", """{"list":[1,2,3]}""", """{"list":[1,{"r":true},3]}""")]
    [InlineData("$.list[-1].v", """{"list":[{},{}]}""", """{"list":[{},{"v":{"r":true}}]}""")]
    public void Apply_ReferencePath_PlacesTheResultAndCreatesMissingObjects(string path, string input, string expected)
    {
        var output = ResultPathExpression.Parse(path).Apply(TestJson.Parse(input), TestJson.Parse("""{"r":true}"""));

        Assert.Equal(expected, TestJson.Text(output));
    }

    [Fact]
    public void Apply_NullInputAndNestedPath_StartsFromAnEmptyObjectIsNotAllowed()
    {
        var error = Assert.Throws<JsonPathEvaluationException>(() => ResultPathExpression.Parse("$.a").Apply(null, TestJson.Parse("1")));

        Assert.Equal("States.Runtime", error.Error);
    }

    [Fact]
    public void Apply_AnyPath_NeverChangesTheInput()
    {
        var input = TestJson.Parse("""{"a":{"b":1}}""");

        ResultPathExpression.Parse("$.a.c.d").Apply(input, TestJson.Parse("2"));

        Assert.Equal("""{"a":{"b":1}}""", TestJson.Text(input));
    }

    [Fact]
    public void Apply_ResultOwnedByAnotherTree_IsCopied()
    {
        var other = TestJson.Parse("""{"r":[1]}""")!;

        var output = ResultPathExpression.Parse("$.x").Apply(TestJson.Parse("{}"), other["r"]);

        Assert.Equal(("""{"x":[1]}""", """{"r":[1]}"""), (TestJson.Text(output), TestJson.Text(other)));
    }

    [Theory]
    [InlineData("$.a.b", """{"a":"s"}""", "Unable to apply ReferencePath $.a.b to input {\"a\":\"s\"}")]
    [InlineData("$.a", "5", "Unable to apply ReferencePath $.a to input 5")]
    [InlineData("$.partitioned", "\"{\\\"min\\\":1}\"", "Unable to apply ReferencePath $.partitioned to input \"{\\\"min\\\":1}\"")]
    [InlineData("$.a[3]", """{"a":[1]}""", "Unable to apply ReferencePath $.a[3] to input {\"a\":[1]}")]
    public void Apply_StepIsNotAnObject_ThrowsStatesRuntime(string path, string input, string expected)
    {
        var error = Assert.Throws<JsonPathEvaluationException>(() => ResultPathExpression.Parse(path).Apply(TestJson.Parse(input), TestJson.Parse("1")));

        Assert.Equal(("States.Runtime", expected), (error.Error, error.Message));
    }

    [Theory]
    [InlineData("$$.Execution")]
    [InlineData("$var.a")]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$.a[?(@.b)]")]
    [InlineData("a")]
    public void Parse_NotADollarReferencePath_Throws(string text)
    {
        Assert.Throws<JsonPathSyntaxException>(() => ResultPathExpression.Parse(text));
    }
}
