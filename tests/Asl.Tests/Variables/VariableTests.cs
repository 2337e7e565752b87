using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class VariableTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private readonly Harness _harness = new();

    [Fact]
    public async Task Assign_ReadsValuesAsOnStateEntry_NewValuesVisibleFromNextState()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
              "B":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}","y":"{% $x %}"},"Output":{"seen":"{% $x %}"},"Next":"C"},
              "C":{"Type":"Pass","Output":{"x":"{% $x %}","y":"{% $y %}","before":"{% $states.input.seen %}"},"End":true}}}
            """);

        Assert.Equal("""{"x":2,"y":1,"before":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task JsonPathAssign_TaskResult_IsDollarAndVariablesReadInPathsAndTemplates()
    {
        _harness.Tasks.Register(Invoke, _ => JsonNode.Parse("""{"id":"r-1","n":3}"""));

        var execution = await _harness.RunAsync(
            """
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":null,"Assign":{"rid.$":"$.id","lit":"$keep","count.$":"$.n"},"Next":"W"},
              "W":{"Type":"Wait","SecondsPath":"$count","Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$rid","StringEquals":"r-1","Next":"P"}]},
              "P":{"Type":"Pass","Parameters":{"rid.$":"$rid","lit.$":"$lit","input.$":"$.in"},"End":true}}}
            """,
            """{"in":"i"}""");

        Assert.Equal("""{"rid":"r-1","lit":"$keep","input":"i"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task JsonPathAssign_ChoiceAndWait_UseTheEffectiveInput()
    {
        var execution = await _harness.RunAsync(
            """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","InputPath":"$.inner","Assign":{"c.$":"$.v"},"Default":"W","Choices":[{"Variable":"$.v","NumericEquals":0,"Next":"W"}]},
              "W":{"Type":"Wait","Seconds":0,"InputPath":"$","Assign":{"w.$":"$.v"},"Next":"P"},
              "P":{"Type":"Pass","Parameters":{"w.$":"$w","c.$":"$c"},"End":true}}}
            """,
            """{"inner":{"v":4}}""");

        Assert.Equal("""{"w":4,"c":4}""", Harness.Output(execution));
    }

    [Fact]
    public async Task ChoiceRuleAssign_Matched_ReplacesTopLevelAssign()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"a":0,"b":0},"Next":"C"},
              "C":{"Type":"Choice","Assign":{"a":"top"},"Choices":[{"Condition":true,"Assign":{"b":"rule"},"Next":"P"}]},
              "P":{"Type":"Pass","Output":{"a":"{% $a %}","b":"{% $b %}"},"End":true}}}
            """);

        Assert.Equal("""{"a":0,"b":"rule"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task ChoiceAssign_Unmatched_UsesTopLevelAssign()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Assign":{"a":"top"},"Default":"P","Choices":[{"Condition":false,"Assign":{"a":"rule"},"Next":"P"}]},
              "P":{"Type":"Pass","Output":"{% $a %}","End":true}}}
            """);

        Assert.Equal("\"top\"", Harness.Output(execution));
    }

    [Fact]
    public async Task CatcherAssign_OnError_ReplacesTopLevelAssignAndReadsErrorOutput()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("Boom", "why"));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"top":"set"},"End":true,
                "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"err":"{% $states.errorOutput.Error %}"},"Next":"P"}]},
              "P":{"Type":"Pass","Output":{"err":"{% $err %}","top":"{% $exists($top) %}"},"End":true}}}
            """);

        Assert.Equal("""{"err":"Boom","top":false}""", Harness.Output(execution));
    }

    [Fact]
    public async Task JsonPathCatcherAssign_DollarIsTheErrorOutput()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("Boom", "why"));

        var execution = await _harness.RunAsync(
            """
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Assign":{"cause.$":"$.Cause"},"Next":"P"}]},
              "P":{"Type":"Pass","Parameters":{"cause.$":"$cause"},"End":true}}}
            """);

        Assert.Equal("""{"cause":"why"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task StatesResult_TaskAssign_ReadsTheResult()
    {
        _harness.Tasks.Register(Invoke, _ => JsonNode.Parse("""{"v":8}"""));

        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"v":"{% $states.result.v %}"},"Output":"{% $states.input %}","Next":"P"},
              "P":{"Type":"Pass","Output":{"v":"{% $v %}","in":"{% $states.input %}"},"End":true}}}
            """,
            """{"k":1}""");

        Assert.Equal("""{"v":8,"in":{"k":1}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task StateExited_AssignedVariables_AreJsonEncodedStrings()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"n":1,"s":"a","o":{"k":[true,null]}},"End":true}}}""");

        var exited = Harness.Event(execution, HistoryEventType.PassStateExited);
        var json = JsonNode.Parse(exited.ToJson())!;
        var assigned = json["stateExitedEventDetails"]!["assignedVariables"]!;
        Assert.Equal("1", assigned["n"]!.GetValue<string>());
        Assert.Equal("\"a\"", assigned["s"]!.GetValue<string>());
        Assert.Equal("""{"k":[true,null]}""", assigned["o"]!.GetValue<string>());
        Assert.False(json["stateExitedEventDetails"]!["assignedVariablesDetails"]!["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task StateExited_WithoutAssign_HasNoAssignedVariables()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var json = JsonNode.Parse(Harness.Event(execution, HistoryEventType.PassStateExited).ToJson())!;
        Assert.Null(json["stateExitedEventDetails"]!["assignedVariables"]);
    }

    [Fact]
    public async Task AssignSize_OverQuota_FailsWithDataLimitExceeded()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"a":"{% $pad('', 140000, 'x') %}","b":"{% $pad('', 140000, 'y') %}"},"End":true}}}""");

        Assert.Equal("States.DataLimitExceeded", execution.Error);
        Assert.Contains("exceeding the maximum of 262144 bytes per state", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotalVariableSize_OverTenMebibytes_FailsWithDataLimitExceeded()
    {
        var states = Enumerable.Range(0, 42).Select(i =>
            $$"""
            "S{{i}}":{"Type":"Pass","Assign":{"v{{i}}":"{% $pad('', 250000, 'x') %}"},{{(i == 41 ? "\"End\":true" : $"\"Next\":\"S{i + 1}\"")}}}
            """);
        var definition = """{"QueryLanguage":"JSONata","StartAt":"S0","States":{""" + string.Join(",", states) + "}}";

        var execution = await _harness.RunAsync(definition);

        Assert.Equal("States.DataLimitExceeded", execution.Error);
        Assert.Contains("'S41'", execution.Cause, StringComparison.Ordinal);
        Assert.Contains("exceeding the maximum of 10485760 bytes", execution.Cause, StringComparison.Ordinal);
    }
}
