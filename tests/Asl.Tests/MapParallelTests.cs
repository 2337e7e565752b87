using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class MapParallelTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task Map_ResultsKeepItemOrder()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","Next":"P"},"P":{"Type":"Pass","InputPath":"$.v","End":true}}},"End":true}}}""",
            """{"items":[{"s":30,"v":"a"},{"s":10,"v":"b"},{"s":20,"v":"c"}]}""");

        Assert.Equal("""["a","b","c"]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Map_ItemSelector_SeesMapItemIndexAndValue()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            """{"k":"x","items":["a","b"]}""");

        Assert.Equal("""[{"i":0,"v":"a","k":"x"},{"i":1,"v":"b","k":"x"}]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Map_LegacyIteratorAndParameters_StillWork()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"v.$":"$$.Map.Item.Value"},"Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            "[1,2]");

        Assert.Equal("""[{"v":1},{"v":2}]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Map_InputNotArray_FailsWithAwsMessage()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            """{"items":{"a":1}}""");

        Assert.Equal(("States.Runtime", "Map state input must be an array but was: {\"a\":1}"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task Map_IterationFailure_PropagatesTheIterationsError()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"P"},"P":{"Type":"Pass","End":true},"F":{"Type":"Fail","Error":"Two","Cause":"item 2"}}},"End":true}}}""",
            "[1,2,3]");

        Assert.Equal(("Two", "item 2"), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task Map_MaxConcurrencyOne_RunsItemsStrictlyInOrder()
    {
        var order = new List<int>();
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", async (invocation, _) =>
        {
            order.Add(invocation.Parameters!.GetValue<int>());
            await Task.Yield();
            return null;
        });

        await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}""",
            "[1,2,3,4,5]");

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task Map_MaxConcurrencyPathNotANumber_FailsWithStatesRuntime()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.max","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            """{"items":[1],"max":"NoNumber"}""");

        Assert.Equal("States.Runtime", execution.Error);
        Assert.Contains("The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid integer", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_EmptyArray_GivesEmptyResult()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            "[]");

        Assert.Equal("[]", Harness.Output(execution));
    }

    [Fact]
    public async Task Map_SharedResultNode_IsSafeToCollect()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"same":true},"End":true}}},"End":true}}}""",
            "[1,2]");

        Assert.Equal("""[{"same":true},{"same":true}]""", Harness.Output(execution));
    }

    [Fact]
    public async Task Parallel_ResultsInBranchOrderFromEffectiveInput()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"Par","States":{"Par":{"Type":"Parallel","Parameters":{"n.$":"$.n"},"Branches":[{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":10,"Next":"A2"},"A2":{"Type":"Pass","Result":"a","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Pass","InputPath":"$.n","End":true}}}],"ResultPath":"$.out","End":true}}}""",
            """{"n":5}""");

        Assert.Equal("""{"n":5,"out":["a",5]}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Parallel_BranchFailure_PropagatesBranchErrorAndAbortsSiblings()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}},{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"FailureType","Cause":"branch"}}}],"Catch":[{"ErrorEquals":["FailureType"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}}""");

        Assert.Equal("""{"Error":"FailureType","Cause":"branch"}""", Harness.Output(execution));
        Assert.Contains("WaitStateAborted", Harness.Types(execution), StringComparison.Ordinal);
        Assert.Contains("ParallelStateFailed", Harness.Types(execution), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, _harness.Clock.UtcNow - execution.StartDate);
    }

    [Fact]
    public async Task Parallel_NestedInMap_RunsEveryBranchPerItem()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":1,"End":true}}}],"End":true}}},"End":true}}}""",
            "[1,2]");

        Assert.Equal("[[1,1],[2,2]]", Harness.Output(execution));
    }

    [Fact]
    public async Task Wait_InParallelBranches_AdvancesVirtualTimeToTheLongest()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":30,"End":true}}},{"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":10,"Next":"B2"},"B2":{"Type":"Wait","Seconds":5,"End":true}}}],"End":true}}}""");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), execution.StopDate - execution.StartDate);
    }
}
