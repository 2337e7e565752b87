using Asl;
using Etl.Workers;

namespace StateMachines.Tests;

public sealed class EtlPathTests
{
    private const string Input = """{"bucket":"etl-bucket","key":"imports/products.csv"}""";

    private readonly MockedEngine _engine = new();

    public EtlPathTests()
    {
        var transform = new TransformBatchHandler();
        _engine.Tasks.Register(
            "arn:aws:states:::lambda:invoke",
            InProcessLambda.Handler(transform.HandleAsync, EtlJson.Default.TransformBatchInput, EtlJson.Default.TransformBatchResult));
    }

    [Fact]
    public async Task Etl_OneBrokenBatchInEleven_StaysWithinToleranceAndSummarizes()
    {
        _engine.Reader.Add("etl-bucket", "imports/products.csv", CsvRows.Products(batches: 11, batchSize: 100, brokenBatches: 1));

        var execution = await _engine.RunAsync(Definitions.Etl, "Etl", Input, "WithinTolerance");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("""{"read":1000,"loaded":1000,"rejected":0,"failedBatches":1}""", execution.Output!.ToJsonString());
        Assert.Equal(["Summarize"], MockedEngine.TasksEntered(execution));
        var results = Assert.Single(_engine.Writer.Writes).Results;
        Assert.Equal((11, 1), (results.Count, results.Count(r => (r.Status, r.Error) == (ExecutionStatus.Failed, "BatchFailed"))));
    }

    [Fact]
    public async Task Etl_ThreeBrokenBatchesInEleven_ExceedsToleranceAndFails()
    {
        _engine.Reader.Add("etl-bucket", "imports/products.csv", CsvRows.Products(batches: 11, batchSize: 100, brokenBatches: 3));

        var execution = await _engine.RunAsync(Definitions.Etl, "Etl", Input, "BeyondTolerance");

        Assert.Equal((ExecutionStatus.Failed, "EtlFailed"), (execution.Status, execution.Error));
        Assert.Contains("States.ExceedToleratedFailureThreshold", execution.Cause, StringComparison.Ordinal);
        Assert.Empty(MockedEngine.TasksEntered(execution));
    }
}
