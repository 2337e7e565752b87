using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class JsonataDataFlowTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private readonly Harness _harness = new();

    [Fact]
    public async Task Output_ExpressionOverInput_IsStateOutput()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.a + 1 %}","End":true}}}""",
            """{"a":41}""");

        Assert.Equal("42", Harness.Output(execution));
    }

    [Fact]
    public async Task Output_ExpressionsAtAnyDepth_AreEvaluatedAndOtherStringsStayLiteral()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,
              "Output":{"a":{"b":["{% $states.input.x %}", "x {% 1 %}", 3]},"c":"$.x","d":"{% $uppercase($states.input.s) %}"}}}}
            """,
            """{"x":7,"s":"hi"}""");

        Assert.Equal("""{"a":{"b":[7,"x {% 1 %}",3]},"c":"$.x","d":"HI"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Arguments_Task_IsWhatTheTaskReceives()
    {
        JsonNode? received = null;
        _harness.Tasks.Register(Invoke, invocation =>
        {
            received = invocation.Parameters?.DeepClone();
            return JsonValue.Create(5);
        });

        await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "Arguments":{"FunctionName":"f","Payload":{"n":"{% $states.input.n * 2 %}"}}}}}
            """,
            """{"n":4}""");

        Assert.Equal("""{"FunctionName":"f","Payload":{"n":8}}""", received?.ToJsonString());
    }

    [Fact]
    public async Task Arguments_Parallel_IsEachBranchInput()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Arguments":{"v":"{% $states.input.v %}"},
              "Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.v * 10 %}","End":true}}}]}}}
            """,
            """{"v":3,"other":true}""");

        Assert.Equal("""[{"v":3},30]""", Harness.Output(execution));
    }

    [Fact]
    public async Task StatesResult_TaskOutput_ReadsTheTaskResult()
    {
        _harness.Tasks.Register(Invoke, _ => JsonNode.Parse("""{"total":12}"""));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "Output":{"in":"{% $states.input.id %}","total":"{% $states.result.total %}"}}}}
            """,
            """{"id":"o-1"}""");

        Assert.Equal("""{"in":"o-1","total":12}""", Harness.Output(execution));
    }

    [Fact]
    public async Task DefaultOutput_Task_IsTheResult()
    {
        _harness.Tasks.Register(Invoke, _ => JsonNode.Parse("""{"r":1}"""));

        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""",
            """{"in":true}""");

        Assert.Equal("""{"r":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task DefaultOutput_Map_IsTheResultArray()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.xs %}","End":true,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input * $states.input %}","End":true}}}}}}
            """,
            """{"xs":[1,2,3]}""");

        Assert.Equal("[1,4,9]", Harness.Output(execution));
    }

    [Fact]
    public async Task DefaultOutput_PassWaitSucceed_IsTheInput()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"P","States":{
              "P":{"Type":"Pass","Next":"W"},"W":{"Type":"Wait","Seconds":0,"Next":"S"},"S":{"Type":"Succeed"}}}
            """,
            """{"k":[1]}""");

        Assert.Equal("""{"k":[1]}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Output_Succeed_ShapesTheExecutionOutput()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Succeed","Output":{"done":"{% $states.input.n > 1 %}"}}}}""",
            """{"n":2}""");

        Assert.Equal("""{"done":true}""", Harness.Output(execution));
    }

    [Fact]
    public async Task StatesContext_Output_ReadsTheContextObject()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Named","States":{"Named":{"Type":"Pass","End":true,
              "Output":{"state":"{% $states.context.State.Name %}","input":"{% $states.context.Execution.Input.a %}","machine":"{% $states.context.StateMachine.Name %}"}}}}
            """,
            """{"a":"x"}""");

        Assert.Equal("""{"state":"Named","input":"x","machine":"Machine"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task StatesContext_WaitForTaskToken_ExposesTaskToken()
    {
        JsonNode? received = null;
        string? token = null;
        _harness.Tasks.Register("arn:aws:states:::sqs:sendMessage.waitForTaskToken", invocation =>
        {
            received = invocation.Parameters?.DeepClone();
            token = invocation.TaskToken;
            return null;
        });
        var execution = _harness.Start(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true,
              "Arguments":{"MessageBody":{"token":"{% $states.context.Task.Token %}"}}}}}
            """);
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        _harness.Engine.SendTaskSuccess(token!, """{"ok":1}""");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(token, received?["MessageBody"]?["token"]?.GetValue<string>());
        Assert.Equal("""{"ok":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task ItemSelector_MapItem_ReadsIndexAndValue()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,"Items":"{% $states.input.xs %}",
              "ItemSelector":{"i":"{% $states.context.Map.Item.Index %}","v":"{% $states.context.Map.Item.Value %}","tag":"{% $states.input.tag %}"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """,
            """{"tag":"t","xs":["a","b"]}""");

        Assert.Equal("""[{"i":0,"v":"a","tag":"t"},{"i":1,"v":"b","tag":"t"}]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Items_DefaultsToTheInputArray()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $string($states.input) %}","End":true}}}}}}
            """,
            "[1,2]");

        Assert.Equal("""["1","2"]""", Harness.Output(execution));
    }

    [Fact]
    public async Task MaxConcurrency_Expression_IsAccepted()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,"Items":[1,2,3],"MaxConcurrency":"{% $states.input.limit %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """,
            """{"limit":1}""");

        Assert.Equal("[1,2,3]", Harness.Output(execution));
    }

    [Fact]
    public async Task TimeoutSeconds_Expression_IsScheduledTimeout()
    {
        _harness.Tasks.Register(Invoke, _ => JsonValue.Create(1));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
              "TimeoutSeconds":"{% $states.input.t %}","HeartbeatSeconds":"{% $states.input.t - 1 %}"}}}
            """,
            """{"t":30}""");

        var scheduled = (TaskScheduledDetails)Harness.Event(execution, HistoryEventType.TaskScheduled).Details!;
        Assert.Equal(30, scheduled.TimeoutInSeconds);
        Assert.Equal(29, scheduled.HeartbeatInSeconds);
    }

    [Fact]
    public async Task FailErrorAndCause_Expressions_FailTheExecution()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Fail","Error":"{% 'E.' & $states.input.code %}","Cause":"{% $states.input.why %}"}}}""",
            """{"code":"Bad","why":"because"}""");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("E.Bad", execution.Error);
        Assert.Equal("because", execution.Cause);
    }

    [Fact]
    public async Task CatcherOutput_Default_IsTheErrorOutput()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("Boom", "it broke"));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}],"End":true},
              "Done":{"Type":"Pass","End":true}}}
            """,
            """{"in":1}""");

        Assert.Equal("""{"Error":"Boom","Cause":"it broke"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task CatcherOutput_Expression_ReadsErrorOutputAndInput()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("Boom", "it broke"));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
                "Catch":[{"ErrorEquals":["States.ALL"],"Output":{"e":"{% $states.errorOutput.Error %}","id":"{% $states.input.id %}"},"Next":"Done"}]},
              "Done":{"Type":"Pass","End":true}}}
            """,
            """{"id":9}""");

        Assert.Equal("""{"e":"Boom","id":9}""", Harness.Output(execution));
    }

    [Fact]
    public async Task MixedLanguages_JsonPathMachineWithJsonataState_EachStateUsesItsLanguage()
    {
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Parameters":{"v.$":"$.v"},"Next":"B"},
              "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"w":"{% $states.input.v * 2 %}"},"Next":"C"},
              "C":{"Type":"Pass","ResultPath":"$.c","Result":"done","End":true}}}
            """,
            """{"v":5}""");

        Assert.Equal("""{"w":10,"c":"done"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task MixedLanguages_StatesInsideMap_DefaultToTheMachineLanguage()
    {
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"M","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","Items":"{% $states.input.xs %}","End":true,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"$"},"End":true}}}}}}
            """,
            """{"xs":[1,2]}""");

        Assert.Equal("""[{"x":1},{"x":2}]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Now_UsesTheEngineClock()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $now() = $states.context.Execution.StartTime %}","End":true}}}""");

        Assert.Equal("true", Harness.Output(execution));
    }
}
