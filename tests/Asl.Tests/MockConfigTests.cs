using Asl;

namespace Asl.Tests;

public sealed class MockConfigTests
{
    private const string Config = """
        {
          "StateMachines": {
            "Saga": {
              "TestCases": {
                "HappyPath": { "Charge": "ChargeOk", "Approve": "Approved" },
                "FlakyCharge": { "Charge": "ChargeFlaky" },
                "ShortMock": { "Charge": "OnlyFirst" }
              }
            }
          },
          "MockedResponses": {
            "ChargeOk": { "0": { "Return": { "charged": 10 } } },
            "ChargeFlaky": {
              "0-1": { "Throw": { "Error": "Payment.Unavailable", "Cause": "try later" } },
              "2": { "Return": { "charged": 10 } }
            },
            "OnlyFirst": { "0": { "Throw": { "Error": "Payment.Unavailable", "Cause": "x" } } },
            "Approved": { "0": { "Return": { "approved": true } } }
          }
        }
        """;

    private const string Saga = """
        {"StartAt":"Charge","States":{
          "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.charge",
                    "Retry":[{"ErrorEquals":["Payment.Unavailable"],"MaxAttempts":2}],"Next":"Approve"},
          "Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","ResultPath":"$.approval",
                     "Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}}}
        """;

    private readonly Harness _harness;
    private readonly TaskHandlerRegistry _real = new();

    public MockConfigTests()
    {
        _harness = new Harness(handler: new MockTaskHandler(MockConfiguration.Parse(Config, "MockConfigFile.json"), _real));
    }

    [Fact]
    public async Task TestCase_ReturnsMockedResultsIncludingCallbackOutcome()
    {
        var execution = await _harness.RunAsync(Saga, """{"id":1}""", testCase: "HappyPath", machineName: "Saga");

        Assert.Equal("""{"id":1,"charge":{"charged":10},"approval":{"approved":true}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task RangeKeys_ThrowThenReturn_CountingEveryRetry()
    {
        _real.Register("arn:aws:states:::sqs:sendMessage.waitForTaskToken", _ => null);

        var execution = _harness.Start(Saga, "{}", testCase: "FlakyCharge", machineName: "Saga");
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        Assert.Equal(3, execution.History.Snapshot().Count(e => e.Type == HistoryEventType.TaskScheduled && ((TaskScheduledDetails)e.Details!).Resource == "invoke"));
        Assert.Equal(2, execution.History.Snapshot().Count(e => e.Type == HistoryEventType.TaskFailed));
        _harness.Engine.StopExecution(execution.Arn);
    }

    [Fact]
    public async Task MissingInvocationIndex_FailsNamingFileCaseStateAndIndex()
    {
        var execution = await _harness.RunAsync(Saga, "{}", testCase: "ShortMock", machineName: "Saga");

        Assert.Equal("States.Runtime", execution.Error);
        Assert.Equal(
            "MockConfigFile.json: the mocked response 'OnlyFirst' (test case 'ShortMock', state 'Charge') has no entry for invocation index 1.",
            execution.Cause);
    }

    [Fact]
    public async Task UnknownTestCase_FailsNamingFileAndCase()
    {
        var execution = await _harness.RunAsync(Saga, "{}", testCase: "Nope", machineName: "Saga");

        Assert.Equal("MockConfigFile.json: the state machine 'Saga' has no test case 'Nope'.", execution.Cause);
    }

    [Fact]
    public async Task UnknownStateMachine_FailsNamingFileAndMachine()
    {
        var execution = await _harness.RunAsync(Saga, "{}", testCase: "HappyPath", machineName: "Other");

        Assert.Contains("MockConfigFile.json: the state machine 'Other'", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateNotInTestCase_RunsTheRealHandler()
    {
        _real.Register("arn:aws:states:::lambda:invoke", _ => Harness.Json("\"real\""));

        var execution = await _harness.RunAsync(
            """{"StartAt":"Other","States":{"Other":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""",
            "{}",
            testCase: "HappyPath",
            machineName: "Saga");

        Assert.Equal("\"real\"", Harness.Output(execution));
    }

    [Fact]
    public async Task NoTestCase_RunsTheRealHandler()
    {
        _real.Register("arn:aws:states:::lambda:invoke", _ => Harness.Json("\"real\""));
        _real.Register("arn:aws:states:::sqs:sendMessage.waitForTaskToken", _ => null);

        var execution = _harness.Start(Saga, "{}", machineName: "Saga");
        await Harness.WaitForEventAsync(execution, HistoryEventType.TaskSubmitted);

        Assert.Equal("\"real\"", ((TaskDetails)Harness.Event(execution, HistoryEventType.TaskSucceeded).Details!).Output!.ToJsonString());
        _harness.Engine.StopExecution(execution.Arn);
    }

    [Fact]
    public void Parse_EntryWithBothReturnAndThrow_IsRejectedWithLocation()
    {
        var error = Assert.Throws<FormatException>(() => MockConfiguration.Parse(
            """{"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1,"Throw":{"Error":"E"}}}}}""",
            "mocks.json"));

        Assert.Equal("mocks.json: MockedResponses.R.0 must have exactly one of Return or Throw.", error.Message);
    }

    [Fact]
    public void Parse_BadKey_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => MockConfiguration.Parse(
            """{"StateMachines":{},"MockedResponses":{"R":{"first":{"Return":1}}}}""",
            "mocks.json"));

        Assert.Contains("'first'", error.Message, StringComparison.Ordinal);
    }
}
