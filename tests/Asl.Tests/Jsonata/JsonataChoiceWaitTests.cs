using Asl;

namespace Asl.Tests;

public sealed class JsonataChoiceWaitTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task Condition_FirstTrueRuleWins()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Default":"D","Choices":[
              {"Condition":"{% $states.input.n > 10 %}","Next":"Big"},
              {"Condition":"{% $states.input.n > 1 %}","Next":"Medium"},
              {"Condition":true,"Next":"D"}]},
              "Big":{"Type":"Pass","Output":"big","End":true},
              "Medium":{"Type":"Pass","Output":"medium","End":true},
              "D":{"Type":"Pass","Output":"default","End":true}}}
            """,
            """{"n":5}""");

        Assert.Equal("\"medium\"", Harness.Output(execution));
    }

    [Fact]
    public async Task Condition_NoMatchNoDefault_FailsWithNoChoiceMatched()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":false,"Next":"E"}]},"E":{"Type":"Succeed"}}}""");

        Assert.Equal("States.NoChoiceMatched", execution.Error);
    }

    [Fact]
    public async Task ChoiceRuleOutput_Matched_ReplacesTopLevelOutput()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Output":"top","Choices":[
              {"Condition":true,"Output":{"rule":"{% $states.input.v %}"},"Next":"E"}]},"E":{"Type":"Succeed"}}}
            """,
            """{"v":1}""");

        Assert.Equal("""{"rule":1}""", Harness.Output(execution));
    }

    [Fact]
    public async Task ChoiceOutput_Unmatched_UsesTopLevelOutput()
    {
        var execution = await _harness.RunAsync(
            """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Output":"{% 'top ' & $states.input.v %}","Default":"E","Choices":[
              {"Condition":false,"Output":"rule","Next":"E"}]},"E":{"Type":"Succeed"}}}
            """,
            """{"v":"x"}""");

        Assert.Equal("\"top x\"", Harness.Output(execution));
    }

    [Fact]
    public async Task WaitSeconds_Expression_SleepsOnTheClock()
    {
        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% $states.input.s * 2 %}","End":true}}}""",
            """{"s":30}""");

        var entered = Harness.Event(execution, HistoryEventType.WaitStateEntered).Timestamp;
        var exited = Harness.Event(execution, HistoryEventType.WaitStateExited).Timestamp;
        Assert.Equal(TimeSpan.FromSeconds(60), exited - entered);
    }

    [Fact]
    public async Task WaitTimestamp_Expression_SleepsUntilThatTime()
    {
        var due = _harness.Clock.UtcNow.AddMinutes(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var execution = await _harness.RunAsync(
            """{"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"{% $states.input.at %}","End":true}}}""",
            $$"""{"at":"{{due}}"}""");

        var exited = Harness.Event(execution, HistoryEventType.WaitStateExited).Timestamp;
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), exited);
    }
}
