using Asl;

namespace Asl.Tests;

public sealed class WaitTests
{
    private readonly Harness _harness = new();

    private Task<Execution> WaitAsync(string field, string input = "{}") =>
        _harness.RunAsync($$"""{"StartAt":"W","States":{"W":{"Type":"Wait",{{field}},"End":true} } }""", input);

    [Fact]
    public async Task Wait_Seconds_AdvancesVirtualClockInstantly()
    {
        var execution = await WaitAsync("\"Seconds\":3600");

        Assert.Equal(TimeSpan.FromHours(1), execution.StopDate - execution.StartDate);
        Assert.Equal([(TimerKind.Wait, TimeSpan.FromHours(1))], _harness.Clock.Delays);
    }

    [Fact]
    public async Task Wait_Timestamp_WaitsUntilThatTime()
    {
        var execution = await WaitAsync("\"Timestamp\":\"2024-01-01T00:10:00Z\"");

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 10, 0, TimeSpan.Zero), execution.StopDate);
    }

    [Fact]
    public async Task Wait_TimestampInThePast_DoesNotWait()
    {
        var execution = await WaitAsync("\"Timestamp\":\"2000-01-01T00:00:00Z\"");

        Assert.Equal(execution.StartDate, execution.StopDate);
    }

    [Fact]
    public async Task Wait_SecondsPath_ReadsFromInput()
    {
        var execution = await WaitAsync("\"SecondsPath\":\"$.s\"", """{"s":7}""");

        Assert.Equal(TimeSpan.FromSeconds(7), execution.StopDate - execution.StartDate);
    }

    [Theory]
    [InlineData("""{"p":-1}""", "The SecondsPath parameter references a negative value: $.p == -1")]
    [InlineData("""{"p":1.5}""", "The SecondsPath parameter cannot be parsed as a long value: $.p == 1.5")]
    [InlineData("""{"q":1}""", "The SecondsPath parameter does not reference an input value: $.p")]
    public async Task Wait_BadSecondsPath_FailsWithAwsCause(string input, string cause)
    {
        var execution = await WaitAsync("\"SecondsPath\":\"$.p\"", input);

        Assert.Equal("States.Runtime", execution.Error);
        Assert.EndsWith(cause, execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_TimestampPathWithoutOffset_FailsWithAwsCause()
    {
        var execution = await WaitAsync("\"TimestampPath\":\"$.p\"", """{"p":"2016-12-05T21:29:29"}""");

        Assert.EndsWith(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.p == 2016-12-05T21:29:29",
            execution.Cause,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_TooLong_FailsWithStatesRuntime()
    {
        var execution = await WaitAsync("\"SecondsPath\":\"$.p\"", """{"p":99999999999}""");

        Assert.EndsWith("Wait state delay is too long.", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_RealClockWithZeroScale_SkipsWaitStates()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new RealClock(0) });
        var machine = engine.CreateStateMachine("M", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");

        var execution = engine.StartExecution(machine);
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }
}
