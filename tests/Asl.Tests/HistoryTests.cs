using System.Text.Json;
using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class HistoryTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task Pass_History_EnteredExitedWithFirstStateLinkedToZero()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}""");

        Assert.Equal("ExecutionStarted,PassStateEntered,PassStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded", Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5", Harness.Links(execution));
    }

    [Fact]
    public async Task Event_SerializesToGetExecutionHistoryShape()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", """{"k":"v"}""");

        var entered = JsonNode.Parse(execution.History.Snapshot()[1].ToJson())!;

        Assert.Equal("PassStateEntered", entered["type"]!.GetValue<string>());
        Assert.Equal(2, entered["id"]!.GetValue<long>());
        Assert.Equal(0, entered["previousEventId"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Number, entered["timestamp"]!.GetValueKind());
        var details = entered["stateEnteredEventDetails"]!;
        Assert.Equal(("A", """{"k":"v"}""", false), (details["name"]!.GetValue<string>(), details["input"]!.GetValue<string>(), details["inputDetails"]!["truncated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task ExecutionStarted_CarriesInputAndRoleArn()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", """[1]""");

        var started = JsonNode.Parse(execution.History.Snapshot()[0].ToJson())!["executionStartedEventDetails"]!;

        Assert.Equal("[1]", started["input"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:iam::123456789012:role/", started["roleArn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_History_ScheduledStartedSucceededWithResourceNames()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => JsonValue.Create(1));

        var execution = await _harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}""");
        var scheduled = JsonNode.Parse(Harness.Event(execution, HistoryEventType.TaskScheduled).ToJson())!["taskScheduledEventDetails"]!;

        Assert.Equal("ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskSucceeded,TaskStateExited,ExecutionSucceeded", Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<6", Harness.Links(execution));
        Assert.Equal(("lambda", "invoke", "us-east-1", """{"FunctionName":"f"}"""), (scheduled["resourceType"]!.GetValue<string>(), scheduled["resource"]!.GetValue<string>(), scheduled["region"]!.GetValue<string>(), scheduled["parameters"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Task_AwsSdkResource_SplitsServiceAndAction()
    {
        _harness.Tasks.Register("arn:aws:states:::aws-sdk:dynamodb:putItem", _ => null);

        var execution = await _harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem","End":true}}}""");
        var details = (TaskDetails)Harness.Event(execution, HistoryEventType.TaskStarted).Details!;

        Assert.Equal(("aws-sdk:dynamodb", "putItem"), (details.ResourceType, details.Resource));
    }

    [Fact]
    public async Task LegacyLambda_History_UsesLambdaFunctionEvents()
    {
        const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:Work";
        _harness.Tasks.Register(Arn, _ => JsonValue.Create("done"));

        var execution = await _harness.RunAsync($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Arn}}","End":true} } }""");

        Assert.Equal(
            "ExecutionStarted,TaskStateEntered,LambdaFunctionScheduled,LambdaFunctionStarted,LambdaFunctionSucceeded,TaskStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Null(Harness.Event(execution, HistoryEventType.LambdaFunctionStarted).Details);
    }

    [Fact]
    public async Task Retry_History_RepeatsScheduledStartedFailedInsideOneEnteredEvent()
    {
        var calls = 0;
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => ++calls == 1 ? throw new StatesErrorException("Boom", "x") : null);

        var execution = await _harness.RunAsync(
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["Boom"]}],"End":true}}}""");

        Assert.Equal(
            "ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskFailed,TaskScheduled,TaskStarted,TaskSucceeded,TaskStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<6,8<7,9<8,10<9", Harness.Links(execution));
    }

    [Fact]
    public async Task UncaughtTaskFailure_History_EndsTaskFailedThenExecutionFailed()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => throw new StatesErrorException("Boom", "x"));

        var execution = await _harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""");

        Assert.Equal("ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskFailed,ExecutionFailed", Harness.Types(execution));
        Assert.Equal("6<5", Harness.Links(execution).Split(',')[^1]);
    }

    [Fact]
    public async Task Catch_History_ExitsWithErrorOutputLinkedToTaskFailed()
    {
        _harness.Tasks.Register("arn:aws:states:::lambda:invoke", _ => throw new StatesErrorException("Boom", "x"));

        var execution = await _harness.RunAsync(
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}}""");
        var exited = execution.History.Snapshot()[5];

        Assert.Equal("ExecutionStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskFailed,TaskStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded", Harness.Types(execution));
        Assert.Equal((6L, 5L), (exited.Id, exited.PreviousEventId));
        Assert.Equal("""{"Error":"Boom","Cause":"x"}""", ((StateExitedDetails)exited.Details!).Output!.ToJsonString());
    }

    [Fact]
    public async Task Fail_History_FailStateEnteredThenExecutionFailedWithoutExited()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}""");

        Assert.Equal("ExecutionStarted,FailStateEntered,ExecutionFailed", Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2", Harness.Links(execution));
        Assert.Equal(new ErrorDetails("E", "C"), Harness.Event(execution, HistoryEventType.ExecutionFailed).Details);
    }

    [Fact]
    public async Task Wait_History_EnteredExited()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}""");

        Assert.Equal("ExecutionStarted,WaitStateEntered,WaitStateExited,ExecutionSucceeded", Harness.Types(execution));
    }

    [Fact]
    public async Task Choice_History_EnteredExited()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"S"}]},"S":{"Type":"Succeed"}}}""",
            """{"a":1}""");

        Assert.Equal("ExecutionStarted,ChoiceStateEntered,ChoiceStateExited,SucceedStateEntered,SucceedStateExited,ExecutionSucceeded", Harness.Types(execution));
    }

    [Fact]
    public async Task Map_History_IterationsLinkAsAwsRecordsThem()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            "[1,2]");

        Assert.Equal(
            "ExecutionStarted,MapStateEntered,MapStateStarted,MapIterationStarted,PassStateEntered,PassStateExited,MapIterationSucceeded,MapIterationStarted,PassStateEntered,PassStateExited,MapIterationSucceeded,MapStateSucceeded,MapStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<6,8<6,9<8,10<9,11<10,12<10,13<10,14<13", Harness.Links(execution));
        Assert.Equal(new MapStateStartedDetails(2), Harness.Event(execution, HistoryEventType.MapStateStarted).Details);
        Assert.Equal(new MapIterationDetails("M", 0), Harness.Event(execution, HistoryEventType.MapIterationStarted).Details);
    }

    [Fact]
    public async Task MapFailure_History_IterationFailedAndMapStateFailedPointAtFailingEvent()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"End":true},"S":{"Type":"Succeed"}}}""",
            "[1]");

        Assert.Equal(
            "ExecutionStarted,MapStateEntered,MapStateStarted,MapIterationStarted,FailStateEntered,MapIterationFailed,MapStateFailed,MapStateExited,SucceedStateEntered,SucceedStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<5,7<5,8<7", string.Join(",", Harness.Links(execution).Split(',').Take(8)));
    }

    [Fact]
    public async Task Parallel_History_StartedBranchesSucceededExited()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"End":true}}}""");

        Assert.Equal(
            "ExecutionStarted,ParallelStateEntered,ParallelStateStarted,PassStateEntered,PassStateExited,PassStateEntered,PassStateExited,ParallelStateSucceeded,ParallelStateExited,ExecutionSucceeded",
            Harness.Types(execution));
        Assert.Equal("1<0,2<0,3<2,4<3,5<4,6<3,7<6,8<7,9<7,10<9", Harness.Links(execution));
    }

    [Fact]
    public async Task History_Subscribe_ReplaysThenStreamsInOrder()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");
        var seen = new List<long>();

        using (execution.History.Subscribe(e => seen.Add(e.Id)))
        {
            Assert.Equal([1L, 2L, 3L, 4L], seen);
        }
    }

    [Fact]
    public async Task History_WriteTo_ProducesEventsArray()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");
        using var buffer = new MemoryStream();

        using (var writer = new Utf8JsonWriter(buffer))
        {
            execution.History.WriteTo(writer, reverseOrder: true);
        }

        var events = JsonNode.Parse(buffer.ToArray())!["events"]!.AsArray();
        Assert.Equal(("ExecutionSucceeded", 4), (events[0]!["type"]!.GetValue<string>(), events.Count));
    }
}
