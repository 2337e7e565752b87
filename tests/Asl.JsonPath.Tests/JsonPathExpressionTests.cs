using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

public class JsonPathExpressionTests
{
    private const string Store = """
        {"store":{"book":[
          {"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},
          {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},
          {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},
          {"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],
          "bicycle":{"color":"red","price":19.95}},
         "expensive":10,"a b":1,"it's":2}
        """;

    [Theory]
    [InlineData("$.store.bicycle.color", "\"red\"")]
    [InlineData("$['store']['bicycle']['color']", "\"red\"")]
    [InlineData("$[\"store\"].bicycle[\"price\"]", "19.95")]
    [InlineData("$['a b']", "1")]
    [InlineData("$['it\\'s']", "2")]
    [InlineData("$.store.book[0].author", "\"Nigel Rees\"")]
    [InlineData("$.store.book[-1].title", "\"The Lord of the Rings\"")]
    [InlineData("$.store.bicycle['color','price']", "{\"color\":\"red\",\"price\":19.95}")]
    [InlineData("$.expensive", "10")]
    public void Evaluate_DefinitePath_ReturnsTheValue(string path, string expected)
    {
        var value = JsonPathExpression.Parse(path).Evaluate(TestJson.Context(Store));

        Assert.Equal(expected, TestJson.Text(value));
    }

    [Theory]
    [InlineData("$.store.book[*].author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]")]
    [InlineData("$.store.bicycle.*", "[\"red\",19.95]")]
    [InlineData("$.store.bicycle[*]", "[\"red\",19.95]")]
    [InlineData("$.store.book[1:3].price", "[12.99,8.99]")]
    [InlineData("$.store.book[:2].price", "[8.95,12.99]")]
    [InlineData("$.store.book[-2:].price", "[8.99,22.99]")]
    [InlineData("$.store.book[0,2].price", "[8.95,8.99]")]
    [InlineData("$.store.book[0]['title','price']", "{\"title\":\"Sayings of the Century\",\"price\":8.95}")]
    [InlineData("$..author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]")]
    [InlineData("$..bicycle.color", "[\"red\"]")]
    [InlineData("$..price", "[8.95,12.99,8.99,22.99,19.95]")]
    [InlineData("$..book[?(@.price < 10)].title", "[\"Sayings of the Century\",\"Moby Dick\"]")]
    [InlineData("$..book[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.category == 'fiction' && @.price > 20)].author", "[\"J. R. R. Tolkien\"]")]
    [InlineData("$.store.book[?(@.price < 9 || @.price > 20)].price", "[8.95,8.99,22.99]")]
    [InlineData("$.store.book[?(@.price <= $.expensive)].price", "[8.95,8.99]")]
    [InlineData("$.store.book[?(@.price >= 22.99)].price", "[22.99]")]
    [InlineData("$.store.book[?(@.category != \"fiction\")].title", "[\"Sayings of the Century\"]")]
    [InlineData("$.store.book[?(!(@.price > 9))].price", "[8.95,8.99]")]
    [InlineData("$.store.book[?(@.author =~ /.*melville/i)].title", "[\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.category in ['reference'])].price", "[8.95]")]
    [InlineData("$.store.book[?(@.category nin ['fiction'])].price", "[8.95]")]
    [InlineData("$.store.book[*].nope", "[]")]
    [InlineData("$.store.book[?(@.price > 100)]", "[]")]
    [InlineData("$.store[*].color", "[\"red\"]")]
    public void Evaluate_IndefinitePath_ReturnsAnArray(string path, string expected)
    {
        var value = JsonPathExpression.Parse(path).Evaluate(TestJson.Context(Store));

        Assert.Equal(expected, TestJson.Text(value));
    }

    [Theory]
    [InlineData("$.items[?(@.ok == true)].v", "[null]")]
    [InlineData("$.items[?(@.ok == false)].v", "[1]")]
    [InlineData("$.items[?(@.v == null)].ok", "[true]")]
    [InlineData("$.items[?(@.v == 1)].ok", "[false]")]
    [InlineData("$.items[?(@.v == '1')].ok", "[false]")]
    [InlineData("$.items[?(@.name < 'b')].name", "[\"a\"]")]
    [InlineData("$.items[?(@.name > 'a')].name", "[\"b\"]")]
    [InlineData("$.items[?(@.missing != 1)].name", "[\"a\",\"b\"]")]
    public void Evaluate_FilterOnBooleansNullsAndStrings_ComparesLikeJayway(string path, string expected)
    {
        var context = TestJson.Context("""{"items":[{"ok":true,"v":null,"name":"a"},{"ok":false,"v":1,"name":"b"}]}""");

        var value = JsonPathExpression.Parse(path).Evaluate(context);

        Assert.Equal(expected, TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_RootOnly_ReturnsTheWholeInput()
    {
        var value = JsonPathExpression.Parse("$").Evaluate(TestJson.Context("""{"a":[1,2]}"""));

        Assert.Equal("""{"a":[1,2]}""", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_IndexPastTheEnd_ReadsNullLikeAws()
    {
        var value = JsonPathExpression.Parse("$.items[5]").Evaluate(TestJson.Context("""{"items":[1,2]}"""));

        Assert.Null(value);
    }

    [Fact]
    public void Evaluate_ContextPath_ReadsTheContextObject()
    {
        var context = TestJson.Context("{}", """{"Execution":{"Id":"arn:aws:states:us-east-1:1:execution:m:e"}}""");

        var value = JsonPathExpression.Parse("$$.Execution.Id").Evaluate(context);

        Assert.Equal("\"arn:aws:states:us-east-1:1:execution:m:e\"", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_VariablePath_ReadsTheVariable()
    {
        var context = TestJson.Context("{}", variables: new Dictionary<string, string> { ["order"] = """{"lines":[{"sku":"A1"}]}""" });
        var path = JsonPathExpression.Parse("$order.lines[0].sku");

        var value = path.Evaluate(context);

        Assert.Equal(("\"A1\"", PathRoot.Variable, "order"), (TestJson.Text(value), path.Root, path.VariableName));
    }

    [Fact]
    public void Parse_UnicodeVariableName_IsAVariableRoot()
    {
        var path = JsonPathExpression.Parse("$prénom_1.x");

        Assert.Equal((PathRoot.Variable, "prénom_1"), (path.Root, path.VariableName));
    }

    [Fact]
    public void TryParse_VariableNameLongerThan80_Fails()
    {
        var ok = JsonPathExpression.TryParse("$" + new string('v', 81), out _, out var error);

        Assert.Equal((false, true), (ok, error!.Contains("80", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.a.b", true)]
    [InlineData("$['a'][0]", true)]
    [InlineData("$.a[-1]", true)]
    [InlineData("$$.Execution.Input", true)]
    [InlineData("$v.a", true)]
    [InlineData("$.a[*]", false)]
    [InlineData("$.*", false)]
    [InlineData("$..a", false)]
    [InlineData("$.a[0:1]", false)]
    [InlineData("$.a[?(@.b)]", false)]
    [InlineData("$['a','b']", false)]
    [InlineData("$.a[0,1]", false)]
    public void IsDefinite_ReferencePathsOnly_IsTrue(string path, bool expected)
    {
        Assert.Equal(expected, JsonPathExpression.Parse(path).IsDefinite);
    }

    [Theory]
    [InlineData("$.x", """{"a":1}""", "Invalid path '$.x' : No results for path: $['x']")]
    [InlineData("$.no.b", """{"a":1}""", "Invalid path '$.no.b' : Missing property in path $['no']")]
    [InlineData("$.a.no.c", """{"a":{}}""", "Invalid path '$.a.no.c' : Missing property in path $['a']['no']")]
    [InlineData("$.a.x", """{"a":{"b":1}}""", "Invalid path '$.a.x' : No results for path: $['a']['x']")]
    [InlineData("$.a[0]", """{"a":1}""", "Invalid path '$.a[0]' : Filter: [0] can only be applied to arrays. Current context is: 1")]
    [InlineData("$.a[0].b", """{"a":"s"}""", "Invalid path '$.a[0].b' : Filter: [0]['b'] can only be applied to arrays. Current context is: s")]
    [InlineData("$.a[0]", """{"a":null}""", "Invalid path '$.a[0]' : The path $['a'] is null")]
    [InlineData("$.a.b", """{"a":"s"}""", "Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.")]
    [InlineData("$.a", "[1]", "Invalid path '$.a' : Expected to find an object with property ['a'] in path $ but found 'com.fasterxml.jackson.databind.node.ArrayNode'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.")]
    [InlineData("$.a[1:2]", """{"a":5}""", "Invalid path '$.a[1:2]' : Filter: [1:2] can only be applied to arrays. Current context is: 5")]
    [InlineData("$.a[?(@.b)]", """{"a":5}""", "Invalid path '$.a[?(@.b)]' : Filter: [?] can not be applied to primitives. Current context is: 5")]
    public void Evaluate_NothingMatches_ThrowsStatesRuntimeWithAwsCause(string path, string input, string expected)
    {
        var error = Assert.Throws<JsonPathEvaluationException>(() => JsonPathExpression.Parse(path).Evaluate(TestJson.Context(input)));

        Assert.Equal(("States.Runtime", expected), (error.Error, error.Message));
    }

    [Fact]
    public void Evaluate_MissingContextPath_NamesTheNormalizedContextPath()
    {
        var context = TestJson.Context("{}", """{"Execution":{"Id":"x"}}""");

        var error = Assert.Throws<JsonPathEvaluationException>(() => JsonPathExpression.Parse("$$.Execution.Foo").Evaluate(context));

        Assert.Equal("Invalid path '$$.Execution.Foo' : No results for path: $['Execution']['Foo']", error.Message);
    }

    [Fact]
    public void EvaluateForField_Missing_ThrowsTheFieldMessageWithTheInput()
    {
        var error = Assert.Throws<JsonPathEvaluationException>(
            () => JsonPathExpression.Parse("$.x").EvaluateForField(TestJson.Context("""{"a":"<b>é"}"""), "ErrorPath"));

        Assert.Equal("The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{\"a\":\"<b>é\"}'", error.Message);
    }

    [Fact]
    public void Evaluate_UnknownVariable_ThrowsStatesRuntime()
    {
        var error = Assert.Throws<JsonPathEvaluationException>(() => JsonPathExpression.Parse("$nope.a").Evaluate(TestJson.Context("{}")));

        Assert.Equal(("States.Runtime", "Invalid path '$nope.a' : The variable 'nope' is not assigned"), (error.Error, error.Message));
    }

    [Theory]
    [InlineData("$.x", """{"a":1}""")]
    [InlineData("$.a.b", """{"a":1}""")]
    [InlineData("$.a[0]", """{"a":{}}""")]
    [InlineData("$v", "{}")]
    public void TryEvaluate_NothingMatches_ReturnsFalse(string path, string input)
    {
        var found = JsonPathExpression.Parse(path).TryEvaluate(TestJson.Context(input), out var value);

        Assert.Equal((false, null), (found, value));
    }

    [Fact]
    public void TryEvaluate_PresentNull_ReturnsTrue()
    {
        var found = JsonPathExpression.Parse("$.a").TryEvaluate(TestJson.Context("""{"a":null}"""), out var value);

        Assert.Equal((true, null), (found, value));
    }

    [Fact]
    public void Evaluate_IndefiniteResult_DoesNotShareNodesWithTheInput()
    {
        var context = TestJson.Context("""{"a":[{"b":1}]}""");

        var value = JsonPathExpression.Parse("$.a[*]").Evaluate(context)!;
        value[0]!["b"] = 2;

        Assert.Equal("""{"a":[{"b":1}]}""", TestJson.Text(context.Input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$..")]
    [InlineData("$.a.")]
    [InlineData("$[")]
    [InlineData("$['a'")]
    [InlineData("$['a]")]
    [InlineData("$.a b")]
    [InlineData("$.a[x]")]
    [InlineData("$.a[1:2:3]")]
    [InlineData("$.a[?(@.b <)]")]
    [InlineData("$.a[?(@.b =~ 'x')]")]
    [InlineData("$.a[?(@.b =~ /[/)]")]
    [InlineData("$.length()")]
    [InlineData("$.a[0")]
    [InlineData("$[99999999999]")]
    public void TryParse_InvalidPath_ReportsASyntaxError(string text)
    {
        var ok = JsonPathExpression.TryParse(text, out var path, out var error);

        Assert.Equal((false, null, true), (ok, path, error!.Length > 0));
    }

    [Fact]
    public void Parse_InvalidPath_ThrowsJsonPathSyntaxException()
    {
        Assert.Throws<JsonPathSyntaxException>(() => JsonPathExpression.Parse("$.a b"));
    }
}
