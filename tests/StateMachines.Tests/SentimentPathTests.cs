using Asl;

namespace StateMachines.Tests;

public sealed class SentimentPathTests
{
    private const string Reviews = """{"reviews":[{"reviewId":"rev-1","productId":"kettle-1","text":"Great kettle, boils fast."}]}""";

    private readonly MockedEngine _engine = new();

    private Task<Execution> RunAsync(string testCase) =>
        _engine.RunAsync(Definitions.Sentiment, "Sentiment", Reviews, testCase, StateMachineType.Express);

    [Fact]
    public async Task Sentiment_PositiveReview_StoresVerdictWithoutPublishing()
    {
        var execution = await RunAsync("Positive");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(
            """{"reviews":[{"published":false,"reviewId":"rev-1","productId":"kettle-1","sentiment":"positive","confidence":0.97,"summary":"Customer loves the kettle"}],"negative":0,"published":0,"failed":0}""",
            execution.Output!.ToJsonString());
        Assert.Equal(["AskModel", "StoreVerdict"], MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task Sentiment_ConfidentNegativeReview_StoresAndPublishes()
    {
        var execution = await RunAsync("Negative");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(
            """{"reviews":[{"published":true,"reviewId":"rev-1","productId":"kettle-1","sentiment":"negative","confidence":0.93,"summary":"Kettle broke after a week"}],"negative":1,"published":1,"failed":0}""",
            execution.Output!.ToJsonString());
        Assert.Equal(["AskModel", "StoreVerdict", "PublishNegativeReview"], MockedEngine.TasksEntered(execution));
    }
}
