namespace Asl.Tests;

/// <summary>A definition the validator accepts always compiles: the engine reads it the way the validator (and AWS) does.</summary>
public sealed class DefinitionReadingTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task CreateStateMachine_TextAfterTheDefinition_IgnoresIt()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"first","End":true}}} trailing text""");

        Assert.Equal((ExecutionStatus.Succeeded, "\"first\""), (execution.Status, Harness.Output(execution)));
    }

    [Fact]
    public async Task CreateStateMachine_RepeatedKey_KeepsTheLastValue()
    {
        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"Result":2,"End":true}}}""");

        Assert.Equal((ExecutionStatus.Succeeded, "2"), (execution.Status, Harness.Output(execution)));
    }

    [Fact]
    public async Task CreateStateMachine_ResultNestedDeeperThanJsonNodeDefault_RunsIt()
    {
        var nested = new string('[', 100) + "7" + new string(']', 100);

        var execution = await _harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Result":""" + nested + "}}}");

        Assert.Equal((ExecutionStatus.Succeeded, nested), (execution.Status, Harness.Output(execution)));
    }
}
