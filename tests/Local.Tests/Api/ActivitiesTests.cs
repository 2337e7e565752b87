using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>Activities and their workers through the AWS CLI and the JavaScript SDK.</summary>
public sealed class ActivitiesTests
{
    private const string ActivityArn = "arn:aws:states:us-east-1:123456789012:activity:review";

    private static string Machine(string timing = "\"TimeoutSeconds\":300") =>
        $$"""{"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"{{ActivityArn}}",{{timing}},"ResultPath":"$.review","End":true} } }""";

    [Fact]
    public async Task CreateDescribeListDelete_ThroughCli_LifecycleAsAws()
    {
        await using var server = await TestServer.StartAsync();

        var created = await AwsCli.RunAsync(server, "create-activity", "--name", "review");
        var again = await AwsCli.RunAsync(server, "create-activity", "--name", "review");
        var described = await AwsCli.RunAsync(server, "describe-activity", "--activity-arn", ActivityArn);
        var listed = await AwsCli.RunAsync(server, "list-activities");
        await AwsCli.RunAsync(server, "delete-activity", "--activity-arn", ActivityArn);
        var gone = await AwsCli.RunAsync(server, "describe-activity", "--activity-arn", ActivityArn);

        Assert.Equal((ActivityArn, ActivityArn), ((string)created.Json["activityArn"]!, (string)again.Json["activityArn"]!));
        Assert.Equal("review", (string)described.Json["name"]!);
        Assert.Equal(ActivityArn, (string)listed.Json["activities"]![0]!["activityArn"]!);
        Assert.Contains($"ActivityDoesNotExist) when calling the DescribeActivity operation: Activity Does Not Exist: '{ActivityArn}'", gone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateActivity_InvalidName_InvalidName()
    {
        await using var server = await TestServer.StartAsync();

        var error = await VersionsTests.FailAsync(server, "CreateActivity", new JsonObject { ["name"] = "bad name$" });

        Assert.Equal(("InvalidName", "Invalid Name: 'bad name$'"), error);
    }

    [Fact]
    public async Task WorkerLoop_ThroughCli_GetActivityTaskThenSendTaskSuccessCompletesExecution()
    {
        await using var server = await TestServer.StartAsync();
        await server.CallAsync("CreateActivity", new JsonObject { ["name"] = "review" });
        var machine = await server.CreateStateMachineAsync("reviews", Machine());
        var execution = await server.StartExecutionAsync(machine, "review-1", """{"doc":"d-1"}""");

        var task = await AwsCli.RunAsync(server, "get-activity-task", "--activity-arn", ActivityArn, "--worker-name", "cli-worker");
        await AwsCli.RunAsync(server, "send-task-success", "--task-token", (string)task.Json["taskToken"]!, "--task-output", """{"approved":true}""");
        var completed = await server.CompletedAsync(execution);

        Assert.Equal("""{"doc":"d-1"}""", (string)task.Json["input"]!);
        Assert.Equal("""{"doc":"d-1","review":{"approved":true}}""", completed.Output!.ToJsonString());
    }

    [Fact]
    public async Task WorkerLoop_ThroughJsSdk_HistoryRecordsActivityEventsWithWorkerName()
    {
        await using var server = await TestServer.StartAsync();
        await server.CallAsync("CreateActivity", new JsonObject { ["name"] = "review" });
        var machine = await server.CreateStateMachineAsync("reviews", Machine("\"TimeoutSeconds\":300,\"HeartbeatSeconds\":60"));
        var polling = JsSdk.RunAsync(server, [JsSdk.Call("GetActivityTask", new JsonObject { ["activityArn"] = ActivityArn, ["workerName"] = "js-worker" })]);
        var execution = await server.StartExecutionAsync(machine, "review-2", """{"doc":"d-2"}""");

        var token = (string)(await polling)[0]!["output"]!["taskToken"]!;
        await JsSdk.RunAsync(server, [
            JsSdk.Call("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token }),
            JsSdk.Call("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"approved":false}""" }),
        ]);
        await server.CompletedAsync(execution);
        var history = (await VersionsTests.CallAsync(server, "GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();

        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            history.Select(e => (string)e!["type"]!));
        Assert.Equal("js-worker", (string)history[3]!["activityStartedEventDetails"]!["workerName"]!);
        Assert.Equal((ActivityArn, 60), ((string)history[2]!["activityScheduledEventDetails"]!["resource"]!, (int)history[2]!["activityScheduledEventDetails"]!["heartbeatInSeconds"]!));
    }

    [Fact]
    public async Task SendTaskFailure_FromWorker_ExecutionFailsWithActivityFailed()
    {
        await using var server = await TestServer.StartAsync();
        await server.CallAsync("CreateActivity", new JsonObject { ["name"] = "review" });
        var machine = await server.CreateStateMachineAsync("reviews", Machine());
        var execution = await server.StartExecutionAsync(machine, "review-3");

        var task = (await VersionsTests.CallAsync(server, "GetActivityTask", new JsonObject { ["activityArn"] = ActivityArn }))!;
        await VersionsTests.CallAsync(server, "SendTaskFailure", new JsonObject { ["taskToken"] = (string)task["taskToken"]!, ["error"] = "Rejected", ["cause"] = "not today" });
        var completed = await server.CompletedAsync(execution);

        Assert.Equal(("Rejected", "not today"), (completed.Error, completed.Cause));
        Assert.Contains(completed.History.Snapshot(), e => e.Type == Asl.HistoryEventType.ActivityFailed);
    }

    [Fact]
    public async Task HeartbeatSeconds_WorkerSilent_ActivityTimedOutAndLateSuccessIsRefused()
    {
        await using var server = await TestServer.StartAsync();
        await server.CallAsync("CreateActivity", new JsonObject { ["name"] = "review" });
        var machine = await server.CreateStateMachineAsync("reviews", Machine("\"TimeoutSeconds\":300,\"HeartbeatSeconds\":1"));
        var polling = server.Server.Api.ActivityTasks.PollAsync(ActivityArn, "silent-worker", TimeSpan.FromSeconds(60));
        var execution = await server.StartExecutionAsync(machine, "review-4");
        var task = await polling;

        var completed = await server.CompletedAsync(execution);
        var late = await VersionsTests.FailAsync(server, "SendTaskSuccess", new JsonObject { ["taskToken"] = task!.TaskToken, ["output"] = "{}" });

        Assert.Equal((Asl.ExecutionStatus.Failed, "States.Timeout"), (completed.Status, completed.Error));
        Assert.Contains(completed.History.Snapshot(), e => e.Type == Asl.HistoryEventType.ActivityTimedOut);
        Assert.Equal("TaskTimedOut", late.Name);
    }

    [Fact]
    public async Task GetActivityTask_NoTaskWithinPoll_AnswersWithoutToken()
    {
        await using var server = await TestServer.StartAsync();
        await server.CallAsync("CreateActivity", new JsonObject { ["name"] = "review" });
        server.Server.Api.ActivityPollTimeout = TimeSpan.FromMilliseconds(100);

        var result = await VersionsTests.CallAsync(server, "GetActivityTask", new JsonObject { ["activityArn"] = ActivityArn, ["workerName"] = "idle" });

        Assert.Null(result["taskToken"]);
    }

    [Fact]
    public async Task GetActivityTask_UnknownActivity_ActivityDoesNotExist()
    {
        await using var server = await TestServer.StartAsync();

        var error = await VersionsTests.FailAsync(server, "GetActivityTask", new JsonObject { ["activityArn"] = ActivityArn });

        Assert.Equal(("ActivityDoesNotExist", $"Activity Does Not Exist: '{ActivityArn}'"), error);
    }

    [Fact]
    public async Task StartExecution_ActivityDeleted_ExecutionFailsStatesRuntime()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("reviews", Machine());

        var completed = await server.CompletedAsync(await server.StartExecutionAsync(machine, "review-5"));

        Assert.Equal("States.Runtime", completed.Error);
        Assert.EndsWith($"The activity {ActivityArn} does not exist.", completed.Cause, StringComparison.Ordinal);
    }
}
