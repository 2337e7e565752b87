using System.Text.Json.Nodes;
using Asl;

namespace Asl.Tests;

public sealed class RetryCatchTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private readonly Harness _harness = new();
    private int _calls;

    private void FailTimes(int failures, string error = "Boom")
    {
        _harness.Tasks.Register(Invoke, _ => ++_calls <= failures ? throw new StatesErrorException(error, "it broke") : JsonValue.Create("ok"));
    }

    private static string Machine(string retry, string catchers = "[]") => $$"""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"{{Invoke}}","Retry":{{retry}},"Catch":{{catchers}},"Next":"Caught"},
          "Caught":{"Type":"Pass","End":true} } }
        """;

    [Fact]
    public async Task Retry_BackoffRate_DoublesTheInterval()
    {
        FailTimes(3);

        var execution = await _harness.RunAsync(Machine("""[{"ErrorEquals":["Boom"],"IntervalSeconds":3,"MaxAttempts":3,"BackoffRate":2}]"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal([3.0, 6.0, 12.0], _harness.Clock.Delays.Select(d => d.Delay.TotalSeconds));
    }

    [Fact]
    public async Task Retry_Defaults_AreOneSecondThreeAttemptsRateTwo()
    {
        FailTimes(5);

        var execution = await _harness.RunAsync(Machine("""[{"ErrorEquals":["States.ALL"]}]"""));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal([1.0, 2.0, 4.0], _harness.Clock.Delays.Select(d => d.Delay.TotalSeconds));
        Assert.Equal(4, _calls);
    }

    [Fact]
    public async Task Retry_MaxDelaySeconds_CapsTheDelay()
    {
        FailTimes(3);

        await _harness.RunAsync(Machine("""[{"ErrorEquals":["Boom"],"IntervalSeconds":3,"MaxAttempts":3,"BackoffRate":2,"MaxDelaySeconds":4}]"""));

        Assert.Equal([3.0, 4.0, 4.0], _harness.Clock.Delays.Select(d => d.Delay.TotalSeconds));
    }

    [Fact]
    public async Task Retry_FullJitter_StaysWithinComputedDelayAndRepeatsWithSeed()
    {
        FailTimes(3);
        var other = new Harness(seed: 7);
        var otherCalls = 0;
        other.Tasks.Register(Invoke, _ => ++otherCalls <= 3 ? throw new StatesErrorException("Boom", "x") : null);
        const string Retry = """[{"ErrorEquals":["Boom"],"IntervalSeconds":10,"MaxAttempts":3,"JitterStrategy":"FULL"}]""";

        await _harness.RunAsync(Machine(Retry));
        await other.RunAsync(Machine(Retry));

        var delays = _harness.Clock.Delays.Select(d => d.Delay.TotalSeconds).ToArray();
        Assert.All(delays.Zip([10.0, 20.0, 40.0]), pair => Assert.InRange(pair.First, 0, pair.Second));
        Assert.NotEqual([10.0, 20.0, 40.0], delays);
        Assert.Equal(delays, other.Clock.Delays.Select(d => d.Delay.TotalSeconds));
    }

    [Fact]
    public async Task Retry_MaxAttemptsZero_NeverRetries()
    {
        FailTimes(1);

        var execution = await _harness.RunAsync(Machine("""[{"ErrorEquals":["Boom"],"MaxAttempts":0}]"""));

        Assert.Equal((ExecutionStatus.Failed, 1), (execution.Status, _calls));
    }

    [Fact]
    public async Task Retry_ExhaustedFirstMatchingRetrier_DoesNotFallThroughToLaterRetrier()
    {
        FailTimes(10);

        var execution = await _harness.RunAsync(Machine(
            """[{"ErrorEquals":["Boom"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}]""",
            """[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]"""));

        Assert.Equal(2, _calls);
        Assert.Equal("""{"Error":"Boom","Cause":"it broke"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Retry_RetryCount_IsInContextObject()
    {
        var seen = new List<int>();
        _harness.Tasks.Register(Invoke, invocation =>
        {
            seen.Add(invocation.Parameters!["retry"]!.GetValue<int>());
            return seen.Count < 3 ? throw new StatesErrorException("Boom", null) : null;
        });

        await _harness.RunAsync(
            $$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Invoke}}","Parameters":{"retry.$":"$$.State.RetryCount"},"Retry":[{"ErrorEquals":["Boom"]}],"End":true} } }""");

        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public async Task Catch_Default_ReplacesOutputWithErrorObject()
    {
        FailTimes(1);

        var execution = await _harness.RunAsync(Machine("[]", """[{"ErrorEquals":["Boom"],"Next":"Caught"}]"""), """{"keep":1}""");

        Assert.Equal("""{"Error":"Boom","Cause":"it broke"}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Catch_ResultPath_KeepsInputAndAddsError()
    {
        FailTimes(1);

        var execution = await _harness.RunAsync(
            Machine("[]", """[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Caught"}]"""),
            """{"keep":1}""");

        Assert.Equal("""{"keep":1,"error":{"Error":"Boom","Cause":"it broke"}}""", Harness.Output(execution));
    }

    [Fact]
    public async Task Catch_FirstMatchingCatcherWins()
    {
        FailTimes(1);

        var execution = await _harness.RunAsync(
            $$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Invoke}}","Catch":[
                {"ErrorEquals":["Other"],"Next":"A"},{"ErrorEquals":["Boom"],"Next":"B"},{"ErrorEquals":["States.ALL"],"Next":"A"}],"End":true},
              "A":{"Type":"Pass","Result":"A","End":true},
              "B":{"Type":"Pass","Result":"B","End":true} } }
            """);

        Assert.Equal("\"B\"", Harness.Output(execution));
    }

    [Fact]
    public async Task Catch_TaskFailed_DoesNotMatchTimeout()
    {
        _harness.Tasks.Register(Invoke, _ => throw new StatesErrorException("States.Timeout", string.Empty));

        var execution = await _harness.RunAsync(Machine("[]", """[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"}]"""));

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task Catch_TaskFailed_MatchesCustomErrors()
    {
        FailTimes(1, "CustomException");

        var execution = await _harness.RunAsync(Machine("[]", """[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"}]"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task Catch_OversizedTaskResult_IsCaughtByStatesAll()
    {
        _harness.Tasks.Register(Invoke, _ => JsonValue.Create(new string('x', 300_000)));

        var execution = await _harness.RunAsync(Machine("[]", """[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("States.DataLimitExceeded", execution.Output?["Error"]?.GetValue<string>());
    }

    [Fact]
    public async Task Pass_OversizedOutput_FailsExecutionUncatchably()
    {
        var execution = await _harness.RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"big.$":"States.ArrayRange(100000, 100999, 1)"},"Next":"Q"},"Q":{"Type":"Pass","Parameters":{"a.$":"$.big","b.$":"$.big","c.$":"$.big","d.$":"$.big","e.$":"$.big","f.$":"$.big","g.$":"$.big","h.$":"$.big","i.$":"$.big","j.$":"$.big","k.$":"$.big","l.$":"$.big","m.$":"$.big","n.$":"$.big","o.$":"$.big","p.$":"$.big","q.$":"$.big","r.$":"$.big","s.$":"$.big","t.$":"$.big","u.$":"$.big","v.$":"$.big","w.$":"$.big","x.$":"$.big","y.$":"$.big","z.$":"$.big","a1.$":"$.big","b1.$":"$.big","c1.$":"$.big","d1.$":"$.big","e1.$":"$.big","f1.$":"$.big","g1.$":"$.big","h1.$":"$.big","i1.$":"$.big","j1.$":"$.big","k1.$":"$.big","l1.$":"$.big","m1.$":"$.big","n1.$":"$.big","o1.$":"$.big","p1.$":"$.big","q1.$":"$.big","r1.$":"$.big","s1.$":"$.big","t1.$":"$.big","u1.$":"$.big","v1.$":"$.big","w1.$":"$.big","x1.$":"$.big","y1.$":"$.big","z1.$":"$.big"},"End":true} } }""");

        Assert.Equal((ExecutionStatus.Failed, "States.DataLimitExceeded"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task Retry_CountersResetWhenStateIsLeft()
    {
        var calls = 0;
        _harness.Tasks.Register(Invoke, _ => ++calls % 2 == 1 ? throw new StatesErrorException("Boom", null) : null);

        var execution = await _harness.RunAsync(
            $$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Invoke}}","ResultPath":null,"Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":1}],"Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.round","IsPresent":false,"Next":"Mark"}],"Default":"Done"},
              "Mark":{"Type":"Pass","Result":1,"ResultPath":"$.round","Next":"T"},
              "Done":{"Type":"Succeed"} } }
            """);

        Assert.Equal((ExecutionStatus.Succeeded, 4), (execution.Status, calls));
    }
}
