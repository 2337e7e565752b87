using System.Text.Json.Nodes;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>states:startExecution (request-response, .sync, .sync:2) with children on the same engine.</summary>
public sealed class NestedExecutionTests : IDisposable
{
    private const string ChildArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Child";

    private readonly IntegrationHarness _harness = new(new IntegrationOptions());

    public NestedExecutionTests() =>
        _harness.Create("Child", """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":false,"Next":"Reject"}],"Default":"Wait"},
              "Wait":{"Type":"Wait","Seconds":3600,"Next":"Done"},
              "Done":{"Type":"Pass","Parameters":{"approved.$":"$.amount"},"End":true},
              "Reject":{"Type":"Fail","Error":"ApprovalRejectedException","Cause":"too large"}}}
            """);

    [Fact]
    public async Task StartExecutionSync_ChildSucceeds_ReturnsDescriptionWithJsonStrings()
    {
        var execution = await _harness.RunAsync(Parent("arn:aws:states:::states:startExecution.sync"), """{"ok":true,"amount":5}""");

        var output = IntegrationHarness.Output(execution);
        Assert.Equal(("SUCCEEDED", """{"approved":5}""", """{"ok":true,"amount":5}"""), (output["Status"]!.GetValue<string>(), output["Output"]!.GetValue<string>(), output["Input"]!.GetValue<string>()));
        Assert.Equal(ChildArn, output["StateMachineArn"]!.GetValue<string>());
        Assert.Equal(("states", "startExecution.sync"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task StartExecutionSync2_ChildSucceeds_ReturnsParsedOutput()
    {
        var execution = await _harness.RunAsync(Parent("arn:aws:states:::states:startExecution.sync:2"), """{"ok":true,"amount":7}""");

        Assert.Equal("""{"approved":7}""", IntegrationHarness.Output(execution)["Output"]!.ToJsonString());
        Assert.Equal(("states", "startExecution.sync:2"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task StartExecutionSync_ChildFails_FailsWithTaskFailedAndTheDescriptionAsCause()
    {
        var execution = await _harness.RunAsync(Parent("arn:aws:states:::states:startExecution.sync:2"), """{"ok":false}""");

        var cause = JsonNode.Parse(execution.Cause!)!;
        Assert.Equal("States.TaskFailed", execution.Error);
        Assert.Equal(("FAILED", "ApprovalRejectedException", "too large"), (cause["Status"]!.GetValue<string>(), cause["Error"]!.GetValue<string>(), cause["Cause"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StartExecution_RequestResponse_ReturnsArnAndStartDateWithoutWaiting()
    {
        var execution = await _harness.RunAsync(Parent("arn:aws:states:::states:startExecution"), """{"ok":true,"amount":1}""");

        var output = IntegrationHarness.Output(execution);
        var child = _harness.Engine.FindExecution(output["ExecutionArn"]!.GetValue<string>())!;
        Assert.Equal(child.StartDate.ToUnixTimeMilliseconds(), output["StartDate"]!.GetValue<long>());
        // The child waits an hour; once the parent is done the virtual clock may run that hour, so "did not wait"
        // is asserted on the timeline: the parent ended before the child could.
        Assert.True(child.StopDate is null || child.StopDate > execution.StopDate, $"the parent ended at {execution.StopDate}, after the child ({child.StopDate})");
        Assert.NotNull(output["SdkHttpMetadata"]);
    }

    [Fact]
    public async Task StartExecution_UnknownStateMachine_FailsWithStateMachineDoesNotExist()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::states:startExecution.sync",
            """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Nope"}"""));

        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", execution.Error);
        Assert.StartsWith("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope' (Service: AWSStepFunctions;", execution.Cause, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private static string Parent(string resource) =>
        IntegrationHarness.Task(resource, """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","Input.$":"$"}""");
}
