using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

public class PayloadTemplateTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["myVar"] = """{"k":"v1"}""" };

    [Fact]
    public void Evaluate_NestedTemplate_EvaluatesDollarKeysAtEveryDepth()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""
            {"a":[{"b.$":"$.x"},"$.literal",{"c":{"d.$":"$$.Execution.Id"}},[{"e.$":"$myVar.k"}]],
             "plain":"$.notEvaluated","num":1,"obj":{"deep":{"s":"States.Format('x')"}},
             "f.$":"States.Format('{}-{}', $.x, $myVar.k)"}
            """));
        var context = TestJson.Context("""{"x":7}""", """{"Execution":{"Id":"exec-1"}}""", Vars);

        var output = template.Evaluate(context);

        Assert.Equal(
            """{"a":[{"b":7},"$.literal",{"c":{"d":"exec-1"}},[{"e":"v1"}]],"plain":"$.notEvaluated","num":1,"obj":{"deep":{"s":"States.Format('x')"}},"f":"7-v1"}""",
            TestJson.Text(output));
    }

    [Fact]
    public void VariableReferences_PathsAndIntrinsics_AreCollected()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"a.$":"$one.x","b":[{"c.$":"States.Array($two, $.x, $$.y)"}],"d":"$three"}"""));

        Assert.Equal(["one", "two"], template.VariableReferences.Order());
    }

    [Theory]
    [InlineData("0", """{"x":0}""")]
    [InlineData("false", """{"x":false}""")]
    [InlineData("null", """{"x":null}""")]
    [InlineData("\"s\"", """{"x":"s"}""")]
    public void Evaluate_RootPathOnScalarInput_ReturnsTheScalar(string input, string expected)
    {
        var output = PayloadTemplate.Compile(TestJson.Parse("""{"x.$":"$"}""")).Evaluate(TestJson.Context(input));

        Assert.Equal(expected, TestJson.Text(output));
    }

    [Fact]
    public void Evaluate_IndexPastTheEnd_IsNull()
    {
        var output = PayloadTemplate.Compile(TestJson.Parse("""{"v.$":"$.items[5]"}""")).Evaluate(TestJson.Context("""{"items":[1,2]}"""));

        Assert.Equal("""{"v":null}""", TestJson.Text(output));
    }

    [Fact]
    public void Evaluate_IndefinitePath_ProducesAnArray()
    {
        var output = PayloadTemplate.Compile(TestJson.Parse("""{"ids.$":"$.items[*].id"}""")).Evaluate(TestJson.Context("""{"items":[{"id":1},{"id":2}]}"""));

        Assert.Equal("""{"ids":[1,2]}""", TestJson.Text(output));
    }

    [Fact]
    public void Evaluate_MissingInputPath_ThrowsAwsFieldMessage()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"outer":{"value.$":"$.missing"}}"""));

        var error = Assert.Throws<JsonPathEvaluationException>(() => template.Evaluate(TestJson.Context("""{"x":1}""")));

        Assert.Equal(
            ("States.Runtime", "The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{\"x\":1}'"),
            (error.Error, error.Message));
    }

    [Fact]
    public void Evaluate_MissingContextPath_ShowsTheContextObject()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"t.$":"$$.Task.Token"}"""));

        var error = Assert.Throws<JsonPathEvaluationException>(() => template.Evaluate(TestJson.Context("{}", """{"State":{"Name":"S"}}""")));

        Assert.Equal("The JSONPath '$$.Task.Token' specified for the field 't.$' could not be found in the input '{\"State\":{\"Name\":\"S\"}}'", error.Message);
    }

    [Fact]
    public void Evaluate_MissingVariablePath_ShowsTheVariableValue()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"t.$":"$myVar.nope"}"""));

        var error = Assert.Throws<JsonPathEvaluationException>(() => template.Evaluate(TestJson.Context("{}", variables: Vars)));

        Assert.Equal("The JSONPath '$myVar.nope' specified for the field 't.$' could not be found in the input '{\"k\":\"v1\"}'", error.Message);
    }

    [Fact]
    public void Evaluate_UnassignedVariable_ThrowsStatesRuntime()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"t.$":"$ghost"}"""));

        var error = Assert.Throws<JsonPathEvaluationException>(() => template.Evaluate(TestJson.Context("{}")));

        Assert.Equal("The JSONPath '$ghost' specified for the field 't.$' could not be found because the variable 'ghost' is not assigned", error.Message);
    }

    [Fact]
    public void Evaluate_Twice_BuildsIndependentTreesAndLeavesTheInputAlone()
    {
        var template = PayloadTemplate.Compile(TestJson.Parse("""{"copy.$":"$.a","lit":{"k":[1]}}"""));
        var context = TestJson.Context("""{"a":{"b":1}}""");

        var first = template.Evaluate(context)!;
        first["copy"]!["b"] = 99;
        first["lit"]!["k"]!.AsArray().Add(2);
        var second = template.Evaluate(context);

        Assert.Equal(("""{"a":{"b":1}}""", """{"copy":{"b":1},"lit":{"k":[1]}}"""), (TestJson.Text(context.Input), TestJson.Text(second)));
    }

    [Fact]
    public void Evaluate_NullTemplate_IsNull()
    {
        Assert.Null(PayloadTemplate.Compile(null).Evaluate(TestJson.Context("{}")));
    }

    [Fact]
    public void Compile_DuplicateKeyAfterRenaming_Throws()
    {
        Assert.Throws<JsonPathSyntaxException>(() => PayloadTemplate.Compile(TestJson.Parse("""{"a":1,"a.$":"$.x"}""")));
    }

    [Theory]
    [InlineData("""{"a.$":1}""")]
    [InlineData("""{"a.$":{"b":"$.x"}}""")]
    [InlineData("""{"a.$":null}""")]
    [InlineData("""{"a":[{"b.$":["$.x"]}]}""")]
    [InlineData("""{"a.$":"$.a b"}""")]
    public void Compile_InvalidDollarValue_ThrowsNamingTheField(string template)
    {
        var error = Assert.Throws<JsonPathSyntaxException>(() => PayloadTemplate.Compile(TestJson.Parse(template)));

        Assert.Contains("must be a valid JSONPath or a valid intrinsic function call", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a.$":"notapath"}""")]
    [InlineData("""{"a.$":"States.Nope()"}""")]
    [InlineData("""{"a.$":"States.Format('x'"}""")]
    public void Compile_InvalidIntrinsic_ThrowsIntrinsicSyntaxException(string template)
    {
        var error = Assert.Throws<IntrinsicSyntaxException>(() => PayloadTemplate.Compile(TestJson.Parse(template)));

        Assert.StartsWith("The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TooDeep_ThrowsInsteadOfOverflowing()
    {
        JsonNode deep = new JsonObject { ["x.$"] = "$" };
        for (var i = 0; i < 600; i++)
        {
            deep = new JsonObject { ["n"] = deep };
        }

        Assert.Throws<JsonPathSyntaxException>(() => PayloadTemplate.Compile(deep));
    }
}
