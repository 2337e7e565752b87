using Asl;
using Local.Tests.Api;

namespace Local.Tests.Durability;

/// <summary>
/// RedriveExecution through the AWS CLI (pip's v1: Debian's 2.9 predates redrive and drops the redrive members):
/// a failed callback task runs again and succeeds; AWS's refusals.
/// </summary>
public sealed class RedriveTests
{
    [Fact]
    public async Task RedriveExecution_FailedCallbackTask_RunsItAgainAndSucceeds()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var arn = await server.StartExecutionAsync(machine, "approval-1");
        await AwsCli.RunAsync(AwsCli.Pip, server, "send-task-failure", "--task-token", await server.NextTaskTokenAsync(), "--error", "Rejected");
        await server.CompletedAsync(arn);

        var redriven = await AwsCli.RunAsync(AwsCli.Pip, server, "redrive-execution", "--execution-arn", arn);
        await AwsCli.RunAsync(AwsCli.Pip, server, "send-task-success", "--task-token", await server.NextTaskTokenAsync(), "--task-output", """{"approved":true}""");
        var completed = await server.CompletedAsync(arn);
        var described = await AwsCli.RunAsync(AwsCli.Pip, server, "describe-execution", "--execution-arn", arn);
        var history = await AwsCli.RunAsync(AwsCli.Pip, server, "get-execution-history", "--execution-arn", arn);

        Assert.Equal(0, redriven.ExitCode);
        Assert.NotNull(redriven.Json["redriveDate"]);
        Assert.Equal(ExecutionStatus.Succeeded, completed.Status);
        Assert.Equal("SUCCEEDED", (string?)described.Json["status"]);
        Assert.Equal(1, (int?)described.Json["redriveCount"]);
        Assert.NotNull(described.Json["redriveDate"]);
        Assert.Equal("NOT_REDRIVABLE", (string?)described.Json["redriveStatus"]);
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven.", (string?)described.Json["redriveStatusReason"]);
        Assert.Single(history.Json["events"]!.AsArray(), e => (string?)e!["type"] == "ExecutionRedriven" && (int?)e["executionRedrivenEventDetails"]!["redriveCount"] == 1);
    }

    [Fact]
    public async Task DescribeExecution_Failed_IsRedrivable()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var arn = await server.StartExecutionAsync(machine, "approval-1");
        await server.CallAsync("SendTaskFailure", new() { ["taskToken"] = await server.NextTaskTokenAsync(), ["error"] = "Rejected" });
        await server.CompletedAsync(arn);

        var described = await AwsCli.RunAsync(AwsCli.Pip, server, "describe-execution", "--execution-arn", arn);

        Assert.Equal("FAILED", (string?)described.Json["status"]);
        Assert.Equal("REDRIVABLE", (string?)described.Json["redriveStatus"]);
        Assert.Equal(0, (int?)described.Json["redriveCount"]);
        Assert.Null(described.Json["redriveStatusReason"]);
    }

    [Fact]
    public async Task RedriveExecution_Running_ExecutionNotRedrivable()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var arn = await server.StartExecutionAsync(machine, "approval-1");
        await server.NextTaskTokenAsync();

        var redriven = await AwsCli.RunAsync(AwsCli.Pip, server, "redrive-execution", "--execution-arn", arn);

        Assert.NotEqual(0, redriven.ExitCode);
        Assert.Contains("ExecutionNotRedrivable", redriven.Stderr, StringComparison.Ordinal);
        Assert.Contains("Execution is RUNNING and cannot be redriven.", redriven.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecution_UnknownExecution_ExecutionDoesNotExist()
    {
        await using var server = await TestServer.StartAsync();

        var redriven = await AwsCli.RunAsync(AwsCli.Pip, server, "redrive-execution", "--execution-arn", "arn:aws:states:us-east-1:123456789012:execution:nothing:here");

        Assert.NotEqual(0, redriven.ExitCode);
        Assert.Contains("ExecutionDoesNotExist", redriven.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListExecutions_RedriveFilter_SelectsRedrivenOnes()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("approvals", Definitions.Callback);
        var redrivenArn = await server.StartExecutionAsync(machine, "redriven");
        await server.CallAsync("SendTaskFailure", new() { ["taskToken"] = await server.NextTaskTokenAsync(), ["error"] = "Rejected" });
        await server.CompletedAsync(redrivenArn);
        await server.CallAsync("RedriveExecution", new() { ["executionArn"] = redrivenArn });
        await server.NextTaskTokenAsync();
        await server.StartExecutionAsync(machine, "plain");
        await server.NextTaskTokenAsync();

        var redriven = await AwsCli.RunAsync(AwsCli.Pip, server, "list-executions", "--state-machine-arn", machine, "--redrive-filter", "REDRIVEN");
        var plain = await AwsCli.RunAsync(AwsCli.Pip, server, "list-executions", "--state-machine-arn", machine, "--redrive-filter", "NOT_REDRIVEN");

        Assert.Equal(["redriven"], redriven.Json["executions"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal(["plain"], plain.Json["executions"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal(1, (int?)redriven.Json["executions"]![0]!["redriveCount"]);
    }
}
