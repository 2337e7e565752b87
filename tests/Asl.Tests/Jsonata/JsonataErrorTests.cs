using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class JsonataErrorTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private const string QueryEvaluationError = "States.QueryEvaluationError";
    private readonly Harness _harness = new();

    [Fact]
    public async Task Output_NestedUndefined_FailsNamingTheFieldPath()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"a":{"b":"{% $states.input.missing %}"}},"End":true}}}""");

        Assert.Equal(QueryEvaluationError, execution.Error);
        Assert.Equal(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output/a/b' returned nothing (undefined).",
            execution.Cause);
    }

    [Fact]
    public async Task Assign_Undefined_FailsNamingAssignAndVariable()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"x":"{% $states.input.nope %}"},"End":true}}}""");

        Assert.Equal(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '$states.input.nope' specified for the field 'Assign/x' returned nothing (undefined).",
            execution.Cause);
    }

    [Fact]
    public async Task Arguments_EvaluationError_ReportsJsonataCodeAndMessage()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "Arguments":{"FunctionName":"{% ($f := 1; $f()) %}"}}}}
            """);

        Assert.Equal(QueryEvaluationError, execution.Error);
        Assert.Equal(
            "An error occurred while executing the state 'T' (entered at the event id #2). The JSONata expression '($f := 1; $f())' specified for the field 'Arguments/FunctionName' threw an error during evaluation. T1006: Attempted to invoke a non-function",
            execution.Cause);
    }

    [Fact]
    public async Task Items_NotAnArray_ReportsUnexpectedResultType()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.n %}","End":true,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """,
            """{"n":1}""");

        Assert.Equal(
            "An error occurred while executing the state 'M' (entered at the event id #2). The JSONata expression '$states.input.n' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
            execution.Cause);
    }

    [Fact]
    public async Task Output_FunctionValue_ReportsUnsupportedResultType()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% function($v) { $v } %}","End":true}}}""");

        Assert.Equal(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression 'function($v) { $v }' specified for the field 'Output' returned an unsupported result type.",
            execution.Cause);
    }

    [Fact]
    public async Task ChoiceRuleOutput_Undefined_IsNamedUnderTheRule()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Condition":false,"Next":"Done"},
              {"Condition":true,"Output":{"v":"{% $states.input.none %}"},"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal(
            "An error occurred while executing the state 'C' (entered at the event id #2). The JSONata expression '$states.input.none' specified for the field 'Choices[1]/Output/v' returned nothing (undefined).",
            execution.Cause);
    }

    [Fact]
    public async Task ChoiceCondition_NotBoolean_ReportsUnexpectedResultType()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Condition":"{% $states.input.s %}","Next":"Done"}],"Default":"Done"},"Done":{"Type":"Succeed"}}}
            """,
            """{"s":"yes"}""");

        Assert.Equal(
            "An error occurred while executing the state 'C' (entered at the event id #2). The JSONata expression '$states.input.s' specified for the field 'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean', but was 'string' for value: \"yes\"",
            execution.Cause);
    }

    [Fact]
    public async Task CatcherOutput_Undefined_IsNamedUnderTheCatcher()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("Boom", null));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Catch":[
                {"ErrorEquals":["Other"],"Next":"Done"},
                {"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput.Cause %}","Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal(
            "An error occurred while executing the state 'T' (entered at the event id #2). The JSONata expression '$states.errorOutput.Cause' specified for the field 'Catch[1]/Output' returned nothing (undefined).",
            execution.Cause);
    }

    [Fact]
    public async Task QueryEvaluationError_IsCatchable()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{
              "M":{"Type":"Map","Items":"{% $states.input.n %}","End":true,"Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"Handled"}],
                "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}},
              "Handled":{"Type":"Pass","Output":"{% $states.input.Error %}","End":true}}}
            """,
            """{"n":1}""");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("\"States.QueryEvaluationError\"", Harness.Output(execution));
    }

    [Fact]
    public async Task QueryEvaluationError_InTaskOutput_IsRetried()
    {
        var calls = 0;
        _harness.Tasks.Register(Invoke, _ => JsonValue.Create(++calls));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "Output":"{% $states.result = 3 ? 'third' : $states.input.missing %}",
              "Retry":[{"ErrorEquals":["States.QueryEvaluationError"],"IntervalSeconds":1,"MaxAttempts":3}]}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("\"third\"", Harness.Output(execution));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task WaitTimestamp_NotADate_IsQueryEvaluationError()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"{% $states.input.when %}","End":true}}}""",
            """{"when":"2016-12-05T21:29:29"}""");

        Assert.Equal(QueryEvaluationError, execution.Error);
        Assert.Equal(
            "An error occurred while executing the state 'W' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29",
            execution.Cause);
    }

    [Fact]
    public async Task Eval_IsUnavailable()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $eval('1 + 1') %}","End":true}}}""");

        Assert.Equal(QueryEvaluationError, execution.Error);
        Assert.Contains("threw an error during evaluation. T1006", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunawayRecursion_FailsInsteadOfHanging()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% ($f := function($n) { $f($n + 1) + 1 }; $f(0)) %}","End":true}}}""");

        Assert.Equal(QueryEvaluationError, execution.Error);
        Assert.Contains("specified for the field 'Output' threw an error during evaluation. U100", execution.Cause, StringComparison.Ordinal);
    }
}
