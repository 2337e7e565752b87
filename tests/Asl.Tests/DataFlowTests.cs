using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class DataFlowTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task Pass_WithResult_ReplacesInput()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"End":true}}}""", """{"a":1}""");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("""{"x":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_ResultPath_MergesResultIntoRawInput()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","Result":7,"ResultPath":"$.b.c","End":true}}}""",
            """{"a":{"k":1}}""");

        Assert.Equal("""{"a":{"k":1},"b":{"c":7}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_ResultPathNull_KeepsRawInput()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":7,"ResultPath":null,"End":true}}}""", """{"a":1}""");

        Assert.Equal("""{"a":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_InputPathNull_GivesEmptyObject()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":null,"End":true}}}""", """{"a":1}""");

        Assert.Equal("{}", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_OutputPathNull_GivesEmptyObject()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":null,"End":true}}}""", """{"a":1}""");

        Assert.Equal("{}", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_OutputPath_SelectsFromMergedOutput()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":2},"ResultPath":"$.r","OutputPath":"$.r.v","End":true}}}""",
            """{"a":1}""");

        Assert.Equal("2", Harness.Output(execution));
    }

    [Fact]
    public async Task Pass_Parameters_EvaluatesPathsIntrinsicsAndLiterals()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, 2)","copy.$":"$.a","literal":"$.a"},"End":true}}}""",
            """{"a":40}""");

        Assert.Equal("""{"sum":42,"copy":40,"literal":"$.a"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Parameters_ContextObject_ExposesExecutionStateMachineAndState()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"name.$":"$$.Execution.Name","machine.$":"$$.StateMachine.Name","state.$":"$$.State.Name","input.$":"$$.Execution.Input.a"},"End":true}}}""",
            """{"a":"x"}""");

        Assert.Equal($$"""{"name":"{{execution.Name}}","machine":"Machine","state":"P","input":"x"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task InputPath_NoMatch_FailsWithStatesRuntimeNamingStateAndEvent()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.missing","End":true}}}""", """{"a":1}""");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("States.Runtime", execution.Error);
        Assert.StartsWith("An error occurred while executing the state 'P' (entered at the event id #2).", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_PathNotFound_IsNotCaughtByStatesAll()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => JsonValue.Create(1));
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"x.$":"$.nope"},
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
              "Caught":{"Type":"Succeed"}}}
            """);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("States.Runtime", execution.Error);
    }

    [Fact]
    public async Task Task_ResultSelectorResultPathOutputPath_AppliedInOrder()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => Harness.Json("""{"Payload":{"total":5},"StatusCode":200}"""));
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "ResultSelector":{"t.$":"$.Payload.total"},"ResultPath":"$.result","OutputPath":"$.result","End":true}}}
            """,
            """{"order":1}""");

        Assert.Equal("""{"t":5}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Task_Parameters_AreWhatTheHandlerReceives()
    {
        JsonNode? received = null;
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", invocation =>
        {
            received = invocation.Parameters;
            return null;
        });

        await _harness.RunAsync(
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.in","Parameters":{"FunctionName":"f","Payload.$":"$"},"End":true}}}""",
            """{"in":{"id":3}}""");

        Assert.Equal("""{"FunctionName":"f","Payload":{"id":3}}""", received?.ToJsonString());
    }

    [Fact]
    public async Task Succeed_AppliesInputAndOutputPath()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""", """{"a":{"b":9}}""");

        Assert.Equal("9", Harness.Output(execution));
    }

    [Fact]
    public async Task Fail_ErrorPathAndCausePath_ReadFromInput()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"States.Format('bad {}', $.n)"}}}""",
            """{"e":"Oops","n":3}""");

        Assert.Equal(("Oops", "bad 3"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task Fail_ErrorPathMissing_FailsWithStatesRuntime()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.x"}}}""", """{"a":1}""");

        Assert.Equal("States.Runtime", execution.Error);
        Assert.EndsWith("The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'", execution.Cause, StringComparison.Ordinal);
    }
}
