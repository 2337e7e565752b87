using Asl;

namespace Asl.Tests;

public sealed class VariableScopeTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task MapIteration_ReadsOuterVariables_AndItsOwnVanishAfterwards()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"factor":10},"Next":"M"},
              "M":{"Type":"Map","Items":[1,2],"Next":"After","ItemProcessor":{"StartAt":"A","States":{
                "A":{"Type":"Pass","Assign":{"inner":"{% $states.input * $factor %}"},"Next":"B"},
                "B":{"Type":"Pass","Output":"{% $inner %}","End":true}}}},
              "After":{"Type":"Pass","Output":{"results":"{% $states.input %}","inner":"{% $exists($inner) %}"},"End":true}}}
            """);

        Assert.Equal("""{"results":[10,20],"inner":false}""", Harness.Output(execution));
    }

    [Fact]
    public async Task ParallelBranches_CannotReadEachOthersVariables()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A1","States":{"A1":{"Type":"Pass","Assign":{"a":1},"Next":"A2"},"A2":{"Type":"Pass","Output":"{% $exists($b) %}","End":true}}},
              {"StartAt":"B1","States":{"B1":{"Type":"Pass","Assign":{"b":2},"Next":"B2"},"B2":{"Type":"Pass","Output":"{% $exists($a) %}","End":true}}}]}}}
            """);

        Assert.Equal("[false,false]", Harness.Output(execution));
    }

    [Fact]
    public async Task InnerScope_AssigningAnOuterName_IsRejected()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"total":0},"Next":"M"},
              "M":{"Type":"Map","Items":[1],"End":true,"ItemProcessor":{"StartAt":"A","States":{
                "A":{"Type":"Pass","Assign":{"total":"{% $total + 1 %}"},"End":true}}}}}}
            """);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Contains("The variable 'total' is declared in an outer scope", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_AssignAfterwards_ReadsTheBranchResults()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"Par","States":{
              "Par":{"Type":"Parallel","Assign":{"sum":"{% $sum($states.result) %}"},"Next":"P","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","Output":1,"End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Pass","Output":2,"End":true}}}]},
              "P":{"Type":"Pass","Output":"{% $sum %}","End":true}}}
            """);

        Assert.Equal("3", Harness.Output(execution));
    }
}
