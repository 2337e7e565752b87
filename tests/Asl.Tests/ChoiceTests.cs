using Asl;

namespace Asl.Tests;

public sealed class ChoiceTests
{
    private readonly Harness _harness = new();

    private Task<Execution> RunRuleAsync(string rule, string input) => _harness.RunAsync(
        $$$"""
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{{{{rule}}},"Next":"Yes"}],"Default":"No"},
          "Yes":{"Type":"Pass","Result":"yes","End":true},
          "No":{"Type":"Pass","Result":"no","End":true} } }
        """,
        input);

    [Theory]
    [InlineData("\"Variable\":\"$.s\",\"StringEquals\":\"abc\"", """{"s":"abc"}""", "yes")]
    [InlineData("\"Variable\":\"$.s\",\"StringEquals\":\"abc\"", """{"s":"abd"}""", "no")]
    [InlineData("\"Variable\":\"$.s\",\"StringLessThan\":\"b\"", """{"s":"a"}""", "yes")]
    [InlineData("\"Variable\":\"$.s\",\"StringGreaterThan\":\"b\"", """{"s":"c"}""", "yes")]
    [InlineData("\"Variable\":\"$.s\",\"StringLessThanEquals\":\"b\"", """{"s":"b"}""", "yes")]
    [InlineData("\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"b\"", """{"s":"a"}""", "no")]
    [InlineData("\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.t\"", """{"s":"x","t":"x"}""", "yes")]
    [InlineData("\"Variable\":\"$.s\",\"StringLessThanPath\":\"$.t\"", """{"s":"B","t":"a"}""", "yes")]
    [InlineData("\"Variable\":\"$.n\",\"NumericEquals\":1", """{"n":1.0}""", "yes")]
    [InlineData("\"Variable\":\"$.n\",\"NumericLessThan\":1", """{"n":0.5}""", "yes")]
    [InlineData("\"Variable\":\"$.n\",\"NumericGreaterThan\":1", """{"n":1}""", "no")]
    [InlineData("\"Variable\":\"$.n\",\"NumericLessThanEquals\":1", """{"n":1}""", "yes")]
    [InlineData("\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":2", """{"n":1}""", "no")]
    [InlineData("\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.m\"", """{"n":3,"m":3}""", "yes")]
    [InlineData("\"Variable\":\"$.n\",\"NumericGreaterThanPath\":\"$.m\"", """{"n":4,"m":3}""", "yes")]
    [InlineData("\"Variable\":\"$.b\",\"BooleanEquals\":true", """{"b":true}""", "yes")]
    [InlineData("\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.c\"", """{"b":false,"c":false}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampEquals\":\"2024-01-01T00:00:00Z\"", """{"t":"2024-01-01T01:00:00+01:00"}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampLessThan\":\"2024-01-01T00:00:00Z\"", """{"t":"2023-12-31T23:59:59.999Z"}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampGreaterThan\":\"2024-01-01T00:00:00Z\"", """{"t":"2024-01-01T00:00:01Z"}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampLessThanEquals\":\"2024-01-01T00:00:00Z\"", """{"t":"2024-01-01T00:00:00Z"}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampGreaterThanEquals\":\"2024-01-01T00:00:00Z\"", """{"t":"2023-01-01T00:00:00Z"}""", "no")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampEqualsPath\":\"$.u\"", """{"t":"2024-01-01T00:00:00Z","u":"2024-01-01T00:00:00Z"}""", "yes")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampEquals\":\"2024-01-01T00:00:00Z\"", """{"t":"2024-01-01t00:00:00z"}""", "no")]
    [InlineData("\"Variable\":\"$.x\",\"IsNull\":true", """{"x":null}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsNull\":true", """{"x":0}""", "no")]
    [InlineData("\"Variable\":\"$.x\",\"IsPresent\":true", """{"x":null}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsPresent\":true", """{"y":1}""", "no")]
    [InlineData("\"Variable\":\"$.x\",\"IsPresent\":false", """{"y":1}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsNumeric\":true", """{"x":1.5}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsNumeric\":true", """{"x":"1.5"}""", "no")]
    [InlineData("\"Variable\":\"$.x\",\"IsString\":true", """{"x":"a"}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsBoolean\":false", """{"x":"true"}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsTimestamp\":true", """{"x":"2016-03-14T01:59:00Z"}""", "yes")]
    [InlineData("\"Variable\":\"$.x\",\"IsTimestamp\":true", """{"x":"2016-03-14"}""", "no")]
    [InlineData("\"Variable\":\"$.x\",\"IsString\":true", """{"y":1}""", "no")]
    public async Task Choice_Operator_PicksExpectedBranch(string rule, string input, string expected)
    {
        var execution = await RunRuleAsync(rule, input);

        Assert.Equal($"\"{expected}\"", Harness.Output(execution));
    }

    [Theory]
    [InlineData("\"Variable\":\"$.s\",\"StringEquals\":\"1\"", """{"s":1}""")]
    [InlineData("\"Variable\":\"$.n\",\"NumericEquals\":1", """{"n":"1"}""")]
    [InlineData("\"Variable\":\"$.b\",\"BooleanEquals\":true", """{"b":"true"}""")]
    [InlineData("\"Variable\":\"$.t\",\"TimestampEquals\":\"2024-01-01T00:00:00Z\"", """{"t":17}""")]
    public async Task Choice_TypeMismatch_IsFalseNotAnError(string rule, string input)
    {
        var execution = await RunRuleAsync(rule, input);

        Assert.Equal("\"no\"", Harness.Output(execution));
    }

    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", "yes")]
    [InlineData("log-*.txt", "log-.txt", "yes")]
    [InlineData("*", "", "yes")]
    [InlineData("a*b*c", "aXbYbZc", "yes")]
    [InlineData("a*b*c", "acb", "no")]
    [InlineData("\\\\*star", "*star", "yes")]
    [InlineData("\\\\*star", "Xstar", "no")]
    [InlineData("back\\\\\\\\slash", "back\\\\slash", "yes")]
    public async Task Choice_StringMatches_HonoursWildcardAndEscapes(string pattern, string value, string expected)
    {
        var execution = await RunRuleAsync($"\"Variable\":\"$.s\",\"StringMatches\":\"{pattern}\"", $$"""{"s":"{{value}}"}""");

        Assert.Equal($"\"{expected}\"", Harness.Output(execution));
    }

    [Fact]
    public async Task Choice_AndOrNot_Combine()
    {
        var execution = await RunRuleAsync(
            """"
            "And":[{"Variable":"$.n","NumericGreaterThan":1},{"Or":[{"Variable":"$.s","StringEquals":"a"},{"Not":{"Variable":"$.s","StringEquals":"b"}}]}]
            """",
            """{"n":2,"s":"c"}""");

        Assert.Equal("\"yes\"", Harness.Output(execution));
    }

    [Fact]
    public async Task Choice_FirstMatchingRuleWins()
    {
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[
                {"Variable":"$.n","NumericGreaterThan":0,"Next":"First"},
                {"Variable":"$.n","NumericGreaterThan":1,"Next":"Second"}]},
              "First":{"Type":"Pass","Result":"first","End":true},
              "Second":{"Type":"Pass","Result":"second","End":true}}}
            """,
            """{"n":5}""");

        Assert.Equal("\"first\"", Harness.Output(execution));
    }

    [Fact]
    public async Task Choice_NoMatchAndNoDefault_FailsWithNoChoiceMatched()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}""",
            """{"n":2}""");

        Assert.Equal((ExecutionStatus.Failed, "States.NoChoiceMatched"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task Choice_MissingVariable_FailsWithStatesRuntime()
    {
        var execution = await RunRuleAsync("\"Variable\":\"$.missing\",\"NumericEquals\":1", """{"n":1}""");

        Assert.Equal("States.Runtime", execution.Error);
        Assert.Contains("Invalid path '$.missing'", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choice_DanglingEscapeInStringMatches_FailsWithStatesRuntime()
    {
        var execution = await RunRuleAsync("\"Variable\":\"$.s\",\"StringMatches\":\"abc\\\\\"", """{"s":"abc"}""");

        Assert.Equal("States.Runtime", execution.Error);
    }

    [Fact]
    public async Task Choice_OutputPath_AppliesToEffectiveInput()
    {
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.v","Choices":[{"Variable":"$.v","NumericEquals":1,"Next":"E"}]},
              "E":{"Type":"Succeed"}}}
            """,
            """{"in":{"v":1}}""");

        Assert.Equal("1", Harness.Output(execution));
    }
}
