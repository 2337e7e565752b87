using System.Text.Json.Nodes;
using Asl;

namespace Local.Tests.Api;

/// <summary>The AWS CLI (Debian's v2 unless a test says otherwise) against the server.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task CreateStateMachine_ThroughCli_DescribeReturnsDefinitionAndDefaults()
    {
        await using var server = await TestServer.StartAsync();

        var created = await AwsCli.RunAsync(server, "create-state-machine", "--name", "orders", "--definition", Definitions.PassChain, "--role-arn", TestServer.RoleArn);
        var described = await AwsCli.RunAsync(server, "describe-state-machine", "--state-machine-arn", (string)created.Json["stateMachineArn"]!);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:orders", (string)created.Json["stateMachineArn"]!);
        Assert.Equal(Definitions.PassChain, (string)described.Json["definition"]!);
        Assert.Equal("STANDARD", (string)described.Json["type"]!);
        Assert.Equal("OFF", (string)described.Json["loggingConfiguration"]!["level"]!);
    }

    [Fact]
    public async Task StartExecution_ThroughCli_DescribeExecutionShowsOutput()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", Definitions.PassChain);

        var started = await AwsCli.RunAsync(server, "start-execution", "--state-machine-arn", machine, "--name", "order-1", "--input", """{"id":1}""");
        await server.CompletedAsync((string)started.Json["executionArn"]!);
        var described = await AwsCli.RunAsync(server, "describe-execution", "--execution-arn", (string)started.Json["executionArn"]!);

        Assert.Equal("SUCCEEDED", (string)described.Json["status"]!);
        Assert.Equal("""{"id":1,"first":"one","second":"two","third":"three"}""", (string)described.Json["output"]!);
    }

    [Fact]
    public async Task GetExecutionHistory_ReverseOrderPagesOfTwoWithoutData_AllEventsNewestFirstWithoutInput()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", Definitions.PassChain);
        var execution = await server.StartExecutionAsync(machine, "order-1", """{"secret":true}""");
        await server.CompletedAsync(execution);

        var history = await AwsCli.RunAsync(server, "get-execution-history", "--execution-arn", execution, "--reverse-order", "--no-include-execution-data", "--page-size", "2");

        var events = history.Json["events"]!.AsArray();
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], events.Select(e => (int)e!["id"]!));
        Assert.Equal("ExecutionSucceeded", (string)events[0]!["type"]!);
        Assert.DoesNotContain("secret", history.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskSuccess_ThroughCli_ExecutionSucceedsWithCallbackOutput()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var execution = await server.StartExecutionAsync(machine, "approval-1");
        var token = await server.NextTaskTokenAsync();

        var sent = await AwsCli.RunAsync(server, "send-task-success", "--task-token", token, "--task-output", """{"approved":true}""");
        var completed = await server.CompletedAsync(execution);

        Assert.Equal(0, sent.ExitCode);
        Assert.Equal(ExecutionStatus.Succeeded, completed.Status);
        Assert.Equal("""{"approval":{"approved":true}}""", completed.Output!.ToJsonString());
    }

    [Fact]
    public async Task SendTaskFailure_ThroughCli_ExecutionFailsWithErrorAndCause()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var execution = await server.StartExecutionAsync(machine, "approval-1");
        var token = await server.NextTaskTokenAsync();

        await AwsCli.RunAsync(server, "send-task-failure", "--task-token", token, "--error", "Rejected", "--cause", "over budget");
        await server.CompletedAsync(execution);
        var described = await AwsCli.RunAsync(server, "describe-execution", "--execution-arn", execution);

        Assert.Equal("FAILED", (string)described.Json["status"]!);
        Assert.Equal("Rejected", (string)described.Json["error"]!);
        Assert.Equal("over budget", (string)described.Json["cause"]!);
    }

    [Fact]
    public async Task StopExecution_WaitingExecutionThroughCli_Aborted()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var execution = await server.StartExecutionAsync(machine, "approval-1");
        await server.NextTaskTokenAsync();

        var stopped = await AwsCli.RunAsync(server, "stop-execution", "--execution-arn", execution, "--error", "Cancelled", "--cause", "customer left");
        var completed = await server.CompletedAsync(execution);

        Assert.True(stopped.Json["stopDate"] is JsonValue);
        Assert.Equal(ExecutionStatus.Aborted, completed.Status);
        Assert.Equal("Cancelled", completed.Error);
    }

    [Fact]
    public async Task StartSyncExecution_PipCliWithHostPrefixDisabled_ReturnsOutputAndBilling()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("greeter", Definitions.ExpressGreeting, "EXPRESS");

        var result = await AwsCli.RunAsync(AwsCli.Pip, server, "start-sync-execution", "--state-machine-arn", machine, "--input", """{"who":"world"}""");

        Assert.Equal("SUCCEEDED", (string)result.Json["status"]!);
        Assert.Equal("""{"greeting":"hello world"}""", (string)result.Json["output"]!);
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:greeter:", (string)result.Json["executionArn"]!, StringComparison.Ordinal);
        Assert.True((int)result.Json["billingDetails"]!["billedDurationInMilliseconds"]! >= 100);
    }

    [Fact]
    public async Task ListExecutions_LowercaseStatusFilter_ValidationExceptionWithAwsMessage()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", Definitions.PassChain);

        var result = await AwsCli.RunAsync(server, "list-executions", "--state-machine-arn", machine, "--status-filter", "succeeded");

        Assert.Equal(254, result.ExitCode);
        Assert.Contains(
            "An error occurred (ValidationException) when calling the ListExecutions operation: 1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_DefinitionWithoutStates_InvalidDefinitionWithAwsMessage()
    {
        await using var server = await TestServer.StartAsync();

        var result = await AwsCli.RunAsync(server, "create-state-machine", "--name", "broken", "--definition", """{"StartAt":"A"}""", "--role-arn", TestServer.RoleArn);

        Assert.Contains(
            "An error occurred (InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExecution_UnknownExecution_ExecutionDoesNotExist()
    {
        await using var server = await TestServer.StartAsync();
        const string Arn = "arn:aws:states:us-east-1:123456789012:execution:orders:missing";

        var result = await AwsCli.RunAsync(server, "describe-execution", "--execution-arn", Arn);

        Assert.Contains($"(ExecutionDoesNotExist) when calling the DescribeExecution operation: Execution Does Not Exist: '{Arn}'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListExecutions_ThroughCliInPagesOfTwo_AllExecutionsNewestFirst()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", Definitions.PassChain);
        foreach (var name in new[] { "e1", "e2", "e3", "e4", "e5" })
        {
            await server.CompletedAsync(await server.StartExecutionAsync(machine, name));
        }

        var listed = await AwsCli.RunAsync(server, "list-executions", "--state-machine-arn", machine, "--page-size", "2");

        Assert.Equal(["e5", "e4", "e3", "e2", "e1"], listed.Json["executions"]!.AsArray().Select(e => (string)e!["name"]!));
    }
}
