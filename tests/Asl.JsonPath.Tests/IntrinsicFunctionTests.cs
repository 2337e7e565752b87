using Asl.JsonPath;

namespace Asl.JsonPath.Tests;

public class IntrinsicFunctionTests
{
    private const string Docs = """
        {"Id":123456,"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5,"index":5,"dupes":[1,2,3,3,3,3,3,3,4],
         "input":"Data to encode","base64":"RGF0YSB0byBlbmNvZGU=","Data":"input data","Algorithm":"SHA-1",
         "json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3},
         "escapedJsonString":"{\"foo\": \"bar\"}","unescapedJson":{"foo":"bar"},
         "value1":111,"step":-1,"inputString":"1,2,3,4,5","splitter":",",
         "multi":"This.is+a,test=string","multiSplitter":".+,=",
         "name":"Arnav","template":"Hello, my name is {}.",
         "ImageRecipe":{"Arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/recipe/1.2.3"}}
        """;

    [Theory]
    [InlineData("States.Array($.Id)", "[123456]")]
    [InlineData("States.Array()", "[]")]
    [InlineData("States.Array('a', 1, true, null, $.unescapedJson)", """["a",1,true,null,{"foo":"bar"}]""")]
    [InlineData("States.ArrayPartition($.inputArray,4)", "[[1,2,3,4],[5,6,7,8],[9]]")]
    [InlineData("States.ArrayPartition($.inputArray, 4.5)", "[[1,2,3,4,5],[6,7,8,9]]")]
    [InlineData("States.ArrayContains($.inputArray, $.lookingFor)", "true")]
    [InlineData("States.ArrayContains($.inputArray, 10)", "false")]
    [InlineData("States.ArrayContains(States.Array($.json1), $.json1)", "true")]
    [InlineData("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("States.ArrayRange(9, 1, -3)", "[9,6,3]")]
    [InlineData("States.ArrayRange(1, 0, 1)", "[]")]
    [InlineData("States.ArrayGetItem($.inputArray, $.index)", "6")]
    [InlineData("States.ArrayLength($.inputArray)", "9")]
    [InlineData("States.ArrayUnique($.dupes)", "[1,2,3,4]")]
    [InlineData("States.ArrayUnique(States.Array($.json1, $.json1, 1, 1.0))", """[{"a":{"a1":1,"a2":2},"b":2},1]""")]
    [InlineData("States.Base64Encode($.input)", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [InlineData("States.Base64Decode($.base64)", "\"Data to encode\"")]
    [InlineData("States.Base64Decode('RGF0YSB0byBlbmNvZGU')", "\"Data to encode\"")]
    [InlineData("States.Hash($.Data, $.Algorithm)", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [InlineData("States.Hash($.Data, 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [InlineData("States.Hash($.Data, 'SHA-256')", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [InlineData("States.JsonMerge($.json1, $.json2, false)", """{"a":{"a3":1,"a4":2},"b":2,"c":3}""")]
    [InlineData("States.StringToJson($.escapedJsonString)", """{"foo":"bar"}""")]
    [InlineData("States.JsonToString($.unescapedJson)", "\"{\\\"foo\\\":\\\"bar\\\"}\"")]
    [InlineData("States.JsonToString($)", null)]
    [InlineData("States.MathAdd($.value1, $.step)", "110")]
    [InlineData("States.MathAdd(-9, 3)", "-6")]
    [InlineData("States.MathAdd(1.49, 1.5)", "3")]
    [InlineData("States.MathAdd(1.5, 1.51)", "4")]
    [InlineData("States.MathAdd(-1.49, -1.5)", "-2")]
    [InlineData("States.MathAdd(-1.5, -1.51)", "-3")]
    [InlineData("States.StringSplit($.inputString, $.splitter)", """["1","2","3","4","5"]""")]
    [InlineData("States.StringSplit($.multi, $.multiSplitter)", """["This","is","a","test","string"]""")]
    [InlineData("States.StringSplit(',,a,,b,', ',')", """["a","b"]""")]
    [InlineData("States.StringSplit('a b', '')", """["a b"]""")]
    [InlineData("States.StringSplit('', ',')", "[]")]
    [InlineData("States.Format('Hello, my name is {}.', $.name)", "\"Hello, my name is Arnav.\"")]
    [InlineData("States.Format($.template, $.name)", "\"Hello, my name is Arnav.\"")]
    [InlineData("States.Format('{} {} {} {}', 'a', 1.5, true, null)", "\"a 1.5 true null\"")]
    [InlineData("States.Format('no placeholders')", "\"no placeholders\"")]
    [InlineData("States.Format('\\{\\} {} \\'q\\' \\\\', 'x')", "\"{} x 'q' \\\\\"")]
    [InlineData("States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))", "\"1.2\"")]
    public void Evaluate_DocumentedExamples_ReturnAwsResults(string call, string? expected)
    {
        var context = TestJson.Context(Docs);

        var value = IntrinsicFunction.Parse(call).Evaluate(context);

        Assert.Equal(expected ?? TestJson.Text(TestJson.Text(context.Input)), TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_ContextAndVariableArguments_AreRead()
    {
        var context = TestJson.Context("{}", """{"Execution":{"Name":"run-1"}}""", new Dictionary<string, string> { ["count"] = "41" });

        var value = IntrinsicFunction.Parse("States.Format('{}:{}', $$.Execution.Name, States.MathAdd($count, 1))").Evaluate(context);

        Assert.Equal("\"run-1:42\"", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_MathRandomUnseeded_IsInTheHalfOpenRange()
    {
        var value = IntrinsicFunction.Parse("States.MathRandom(1, 3)").Evaluate(TestJson.Context("{}"))!.GetValue<long>();

        Assert.InRange(value, 1, 2);
    }

    [Fact]
    public void Evaluate_MathRandomSeeded_IsDeterministic()
    {
        var call = IntrinsicFunction.Parse("States.MathRandom(0, 999, 3)");

        var first = call.Evaluate(TestJson.Context("{}", seed: 1));
        var second = call.Evaluate(TestJson.Context("{}", seed: 2));

        Assert.Equal(TestJson.Text(first), TestJson.Text(second));
    }

    [Fact]
    public void Evaluate_Uuid_IsAVersion4UuidFromTheContextRandom()
    {
        var call = IntrinsicFunction.Parse("States.UUID()");

        var first = TestJson.Text(call.Evaluate(TestJson.Context("{}", seed: 7)));
        var second = TestJson.Text(call.Evaluate(TestJson.Context("{}", seed: 7)));

        Assert.Equal((true, first), (System.Text.RegularExpressions.Regex.IsMatch(first, "^\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"$"), second));
    }

    [Theory]
    [InlineData("States.Format('{}', $.nope)", """{"other":1}""", "The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'")]
    [InlineData("States.Format('{}',$.nope)", """{"other":1}""", "The function 'States.Format('{}',$.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'")]
    [InlineData("States.Format('{}', States.Format('{}', $.nope))", """{"other":1}""", "The function 'States.Format('{}', States.Format('{}', $.nope))' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'")]
    [InlineData("States.Format('{}', $.items[5])", """{"items":[1,2]}""", "The function 'States.Format('{}', $.items[5])' had the following error: The JsonPath argument for the field '$.items[5]' could not be found in the input '{\"items\":[1,2]}'")]
    [InlineData("States.Format('{}', $$.Nope.Deep)", """{"other":1}""", "The function 'States.Format('{}', $$.Nope.Deep)' had the following error: The JsonPath argument for the field '$.Nope.Deep' could not be found in the input '{\"other\":1}'")]
    [InlineData("States.MathAdd('a', 1)", "{}", "The function 'States.MathAdd('a', 1)' had the following error: Invalid arguments in States.MathAdd")]
    public void Evaluate_Failure_ThrowsStatesRuntimeWithAwsCause(string call, string input, string expected)
    {
        var error = Assert.Throws<JsonPathEvaluationException>(() => IntrinsicFunction.Parse(call).Evaluate(TestJson.Context(input, "{}")));

        Assert.Equal(("States.Runtime", expected), (error.Error, error.Message));
    }

    [Theory]
    [InlineData("States.Format('{} {}', 'a')", "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.")]
    [InlineData("States.Format('{}', 'a', 'b')", "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.")]
    [InlineData("States.Format('{', 'a')", "Invalid template in States.Format: matching '}' not found for '{'.")]
    [InlineData("States.Format('{}', $.obj)", "Invalid arguments in States.Format")]
    [InlineData("States.Format('{}', $.arr)", "Invalid arguments in States.Format")]
    [InlineData("States.Format(1)", "Invalid arguments in States.Format")]
    [InlineData("States.StringToJson('not json')", "Invalid arguments in States.StringToJson")]
    [InlineData("States.StringToJson(1)", "Invalid arguments in States.StringToJson")]
    [InlineData("States.ArrayPartition($.arr, 0)", "Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer")]
    [InlineData("States.ArrayPartition($.obj, 1)", "Invalid arguments in States.ArrayPartition")]
    [InlineData("States.ArrayContains('x', 1)", "Invalid arguments in States.ArrayContains")]
    [InlineData("States.ArrayRange(1, 1001, 1)", "Invalid arguments in States.ArrayRange: the range must not have more than 1000 items")]
    [InlineData("States.ArrayRange(0, 2147483647, 1)", "Invalid arguments in States.ArrayRange: the range must not have more than 1000 items")]
    [InlineData("States.ArrayRange(1, 5, 0)", "Invalid arguments in States.ArrayRange: the step must not be 0")]
    [InlineData("States.ArrayRange('1', 5, 1)", "Invalid arguments in States.ArrayRange")]
    [InlineData("States.ArrayGetItem($.arr, 3)", "Invalid arguments in States.ArrayGetItem: the index is out of bounds")]
    [InlineData("States.ArrayGetItem($.arr, -1)", "Invalid arguments in States.ArrayGetItem: the index is out of bounds")]
    [InlineData("States.ArrayLength($.obj)", "Invalid arguments in States.ArrayLength")]
    [InlineData("States.ArrayUnique(1)", "Invalid arguments in States.ArrayUnique")]
    [InlineData("States.Base64Encode($.long)", "Invalid arguments in States.Base64Encode: the input must not be longer than 10000 characters")]
    [InlineData("States.Base64Encode(1)", "Invalid arguments in States.Base64Encode")]
    [InlineData("States.Base64Decode($.long)", "Invalid arguments in States.Base64Decode: the input must not be longer than 10000 characters")]
    [InlineData("States.Base64Decode('A')", "Invalid arguments in States.Base64Decode: the input is not valid Base64")]
    [InlineData("States.Hash('x', 'SHA-999')", "Invalid arguments in States.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")]
    [InlineData("States.Hash('x', 'sha-1')", "Invalid arguments in States.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")]
    [InlineData("States.Hash($.long, 'MD5')", "Invalid arguments in States.Hash: the data must not be longer than 10000 characters")]
    [InlineData("States.JsonMerge($.obj, $.obj, true)", "Currently, Step Functions only supports the shallow merging mode; therefore, you must specify the boolean value as false.")]
    [InlineData("States.JsonMerge($.obj, $.arr, false)", "Invalid arguments in States.JsonMerge")]
    [InlineData("States.JsonMerge($.obj, $.obj, 'false')", "Invalid arguments in States.JsonMerge")]
    [InlineData("States.MathRandom(5, 5)", "Invalid arguments in States.MathRandom: the start must be less than the end")]
    [InlineData("States.MathRandom('a', 5)", "Invalid arguments in States.MathRandom")]
    [InlineData("States.MathAdd(2147483647, 1)", "Invalid arguments in States.MathAdd: the sum must be between -2147483648 and 2147483647")]
    [InlineData("States.MathAdd(3000000000, 1)", "Invalid arguments in States.MathAdd: the value must be between -2147483648 and 2147483647")]
    [InlineData("States.StringSplit(1, ',')", "Invalid arguments in States.StringSplit")]
    public void Evaluate_InvalidArguments_NamesTheFunction(string call, string expectedDetail)
    {
        var input = $$"""{"obj":{"a":1},"arr":[1,2,3],"long":"{{new string('a', 10001)}}"}""";

        var error = Assert.Throws<JsonPathEvaluationException>(() => IntrinsicFunction.Parse(call).Evaluate(TestJson.Context(input)));

        Assert.Equal(("States.Runtime", $"The function '{call}' had the following error: {expectedDetail}"), (error.Error, error.Message));
    }

    [Fact]
    public void Evaluate_DataOfExactly10000Characters_IsAccepted()
    {
        var context = TestJson.Context($$"""{"s":"{{new string('a', 10000)}}"}""");

        var value = IntrinsicFunction.Parse("States.Base64Encode($.s)").Evaluate(context);

        Assert.Equal(13336, value!.GetValue<string>().Length);
    }

    [Fact]
    public void Evaluate_ArrayRangeOf1000Items_IsAccepted()
    {
        var value = IntrinsicFunction.Parse("States.ArrayLength(States.ArrayRange(1, 1000, 1))").Evaluate(TestJson.Context("{}"));

        Assert.Equal("1000", TestJson.Text(value));
    }

    [Fact]
    public void Evaluate_ResultFromTheInput_IsNotAttachedAnywhereNew()
    {
        var context = TestJson.Context("""{"a":[{"k":1}]}""");

        var value = IntrinsicFunction.Parse("States.Array($.a[0])").Evaluate(context)!;
        value[0]!["k"] = 2;

        Assert.Equal("""{"a":[{"k":1}]}""", TestJson.Text(context.Input));
    }

    [Theory]
    [InlineData("States.Format('abc\\')")]
    [InlineData("States.Format('abc")]
    [InlineData("States.Format('a'")]
    [InlineData("States.Nope()")]
    [InlineData("States.format('x')")]
    [InlineData("Format('x')")]
    [InlineData("States.UUID(1)")]
    [InlineData("States.MathAdd(1)")]
    [InlineData("States.MathRandom(1, 2, 3, 4)")]
    [InlineData("States.JsonMerge($.a, $.b)")]
    [InlineData("States.Array(1,)")]
    [InlineData("States.Array(1) extra")]
    [InlineData("States.Array(\"x\")")]
    [InlineData("States.Array(abc)")]
    [InlineData("States.Array($.a b)")]
    [InlineData("States.Array($.)")]
    public void Parse_InvalidCall_ThrowsIntrinsicSyntaxException(string text)
    {
        Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicFunction.Parse(text));
    }

    [Fact]
    public void Parse_TenNestedCalls_IsAccepted()
    {
        var text = string.Concat(Enumerable.Repeat("States.Array(", 10)) + new string(')', 10);

        var value = IntrinsicFunction.Parse(text).Evaluate(TestJson.Context("{}"));

        Assert.Equal("[[[[[[[[[[]]]]]]]]]]", TestJson.Text(value));
    }

    [Fact]
    public void Parse_ElevenNestedCalls_IsRejected()
    {
        var text = string.Concat(Enumerable.Repeat("States.Array(", 11)) + new string(')', 11);

        Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicFunction.Parse(text));
    }

    [Theory]
    [InlineData("States.Format('x')", true)]
    [InlineData("States.UUID()", true)]
    [InlineData("States.Nope(", true)]
    [InlineData("$.a", false)]
    [InlineData("States.", false)]
    [InlineData("hello", false)]
    [InlineData("States.Array", false)]
    public void IsIntrinsic_ShapeOfACall_IsRecognised(string text, bool expected)
    {
        Assert.Equal(expected, IntrinsicFunction.IsIntrinsic(text));
    }
}
