using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class DistributedMapTests
{
    private readonly InMemoryItemReader _reader = new();
    private readonly InMemoryResultWriter _writer = new();
    private readonly Harness _harness;

    public DistributedMapTests()
    {
        _harness = new Harness(reader: _reader, writer: _writer);
    }

    private static string Machine(string extra, string processor = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""") => $$"""
        {"StartAt":"M","States":{"M":{"Type":"Map",{{extra}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":{{JsonNode.Parse(processor)!["StartAt"]!.ToJsonString()}},"States":{{JsonNode.Parse(processor)!["States"]!.ToJsonString()}} },
          "End":true} } }
        """;

    [Fact]
    public async Task DistributedMap_ItemsPath_RunsChildExecutionsAndCollectsOutputs()
    {
        var execution = await _harness.RunAsync(Machine("\"ItemsPath\":\"$.items\",\"Label\":\"Rows\""), """{"items":[1,2,3]}""");

        Assert.Equal("[1,2,3]", Harness.Output(execution));
        Assert.Equal(
            "ExecutionStarted,MapStateEntered,MapStateStarted,MapRunStarted,MapRunSucceeded,MapStateSucceeded,MapStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        var mapRunArn = ((MapRunStartedDetails)Harness.Event(execution, HistoryEventType.MapRunStarted).Details!).MapRunArn;
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:mapRun:Machine/Rows:", mapRunArn, StringComparison.Ordinal);
        Assert.Equal(3, _harness.Engine.ListExecutions(mapRunArn).Count);
        Assert.Equal((3, 3, "SUCCEEDED"), (_harness.Engine.FindMapRun(mapRunArn)!.Total, _harness.Engine.FindMapRun(mapRunArn)!.Succeeded, _harness.Engine.FindMapRun(mapRunArn)!.Status));
    }

    [Fact]
    public async Task DistributedMap_ItemReaderBatcherAndResultWriter_ShapeResults()
    {
        _reader.Add("bucket", "rows.json", [JsonValue.Create(1), JsonValue.Create(2), JsonValue.Create(3)]);

        var execution = await _harness.RunAsync(Machine(
            """
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"bucket","Key":"rows.json"}},
            "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run":"r1"}},
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"results"}}
            """));

        var written = Assert.Single(_writer.Writes);
        Assert.Equal(
            ["""{"Items":[1,2],"BatchInput":{"run":"r1"}}""", """{"Items":[3],"BatchInput":{"run":"r1"}}"""],
            written.Results.Select(r => r.Output!.ToJsonString()));
        Assert.Equal(written.MapRunArn, execution.Output!["MapRunArn"]!.GetValue<string>());
        Assert.StartsWith("results/", execution.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistributedMap_FailureAboveTolerance_FailsWithThresholdError()
    {
        var execution = await _harness.RunAsync(
            Machine("\"ToleratedFailureCount\":1", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad"}}}"""),
            "[1,2,3]");

        Assert.Equal(("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded"), (execution.Error, execution.Cause));
        Assert.Contains("MapRunFailed,MapStateFailed,ExecutionFailed", Harness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistributedMap_FailuresWithinPercentage_Succeeds()
    {
        var execution = await _harness.RunAsync(
            Machine(
                "\"ToleratedFailurePercentage\":50",
                """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":1,"Next":"F"}],"Default":"P"},"F":{"Type":"Fail","Error":"Bad","Cause":"one"},"P":{"Type":"Pass","End":true}}}"""),
            "[1,2,3]");

        Assert.Equal("""[{"Error":"Bad","Cause":"one"},2,3]""", Harness.Output(execution));
    }

    [Fact]
    public async Task DistributedMap_NegativeToleratedFailureCount_FailsWithStatesRuntime()
    {
        var execution = await _harness.RunAsync(Machine("\"ToleratedFailureCountPath\":\"$.n\",\"ItemsPath\":\"$.items\""), """{"n":-1,"items":[1]}""");

        Assert.EndsWith("ToleratedFailureCount cannot be negative.", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistributedMap_ChildrenWait_OnTheSameVirtualClock()
    {
        var execution = await _harness.RunAsync(
            Machine("\"MaxConcurrency\":1", """{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$","End":true}}}"""),
            "[5,10]");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromSeconds(15), execution.StopDate - execution.StartDate);
    }
}
