using System.Text.Json.Nodes;
using Local.Tests.Api;

namespace Local.Tests.Durability;

/// <summary>
/// Versions, aliases, activities and the version/alias an execution was started through, after <c>serve --data DIR</c>
/// was killed with SIGKILL and started again on DIR (one restart, see <see cref="RestartedResources"/>).
/// </summary>
public sealed class DurableResourcesTests(RestartedResources restarted) : IClassFixture<RestartedResources>
{
    [Fact]
    public async Task DescribeStateMachine_VersionsAfterKill_AsBeforeWithTheirOwnDefinitions()
    {
        var first = await restarted.NowAsync("DescribeStateMachine", restarted.FirstVersion);
        var second = await restarted.NowAsync("DescribeStateMachine", restarted.SecondVersion);
        var listed = await restarted.NowAsync("ListStateMachineVersions", restarted.Machine);
        var cli = await AwsCli.RunAsync(AwsCli.Pip, restarted.Serve.Endpoint, "describe-state-machine", "--state-machine-arn", restarted.FirstVersion);

        Assert.Equal(restarted.Before("DescribeStateMachine", restarted.FirstVersion), first);
        Assert.Equal(restarted.Before("DescribeStateMachine", restarted.SecondVersion), second);
        Assert.Equal(restarted.Before("ListStateMachineVersions", restarted.Machine), listed);
        Assert.Equal(RestartedResources.FirstDefinition, (string?)cli.Json["definition"]);
        Assert.Equal("first", (string?)cli.Json["description"]);
    }

    [Fact]
    public async Task PublishStateMachineVersion_AfterKillWithVersion2Deleted_IssuesNumber3()
    {
        var published = await restarted.Serve.CallAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = restarted.Numbered });

        Assert.Equal(restarted.Numbered + ":3", (string?)published["stateMachineVersionArn"]);
    }

    [Fact]
    public async Task PublishStateMachineVersion_AfterKillRevisionAlreadyPublished_AnswersThatVersion()
    {
        var published = await restarted.Serve.CallAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = restarted.Machine });

        Assert.Equal(restarted.SecondVersion, (string?)published["stateMachineVersionArn"]);
    }

    [Fact]
    public async Task DescribeStateMachineAlias_UpdatedBeforeKill_SameRoutingAndDates()
    {
        var described = await restarted.NowAsync("DescribeStateMachineAlias", restarted.Alias);
        var listed = await restarted.NowAsync("ListStateMachineAliases", restarted.Machine);
        var cli = await AwsCli.RunAsync(AwsCli.Pip, restarted.Serve.Endpoint, "describe-state-machine-alias", "--state-machine-alias-arn", restarted.Alias);

        Assert.Equal(restarted.Before("DescribeStateMachineAlias", restarted.Alias), described);
        Assert.Equal(restarted.Before("ListStateMachineAliases", restarted.Machine), listed);
        Assert.Equal([70, 30], cli.Json["routingConfiguration"]!.AsArray().Select(r => (int)r!["weight"]!));
        Assert.Equal("canary", (string?)cli.Json["description"]);
    }

    [Fact]
    public async Task StartExecution_AliasAfterKill_RunsTheVersionItRoutesTo()
    {
        var started = await restarted.Serve.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = restarted.Alias, ["name"] = "after-restart" });
        var arn = started["executionArn"]!.GetValue<string>();
        await restarted.Serve.UntilStatusAsync(arn, "SUCCEEDED");
        var described = await restarted.Serve.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });

        Assert.Equal(restarted.Alias, (string?)described["stateMachineAliasArn"]);
        Assert.Equal(restarted.OutputOf[(string)described["stateMachineVersionArn"]!], (string?)described["output"]);
    }

    [Fact]
    public async Task DescribeExecution_StartedThroughAliasOrVersionBeforeKill_KeepsTheirArns()
    {
        var viaAlias = await restarted.NowAsync("DescribeExecution", restarted.ViaAlias);
        var viaVersion = await restarted.NowAsync("DescribeExecution", restarted.ViaVersion);
        var listedByAlias = await restarted.Serve.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = restarted.Alias, ["statusFilter"] = "SUCCEEDED" });
        var listedByVersion = await restarted.Serve.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = restarted.FirstVersion });

        Assert.Equal(restarted.Before("DescribeExecution", restarted.ViaAlias), viaAlias);
        Assert.Equal(restarted.Before("DescribeExecution", restarted.ViaVersion), viaVersion);
        Assert.Equal(restarted.Alias, (string?)JsonNode.Parse(viaAlias)!["stateMachineAliasArn"]);
        Assert.Equal(restarted.FirstVersion, (string?)JsonNode.Parse(viaVersion)!["stateMachineVersionArn"]);
        Assert.Contains(restarted.ViaAlias, listedByAlias["executions"]!.AsArray().Select(e => (string?)e!["executionArn"]));
        Assert.Contains(restarted.ViaVersion, listedByVersion["executions"]!.AsArray().Select(e => (string?)e!["executionArn"]));
    }

    [Fact]
    public async Task DescribeActivity_AfterKill_AsBeforeAndListed()
    {
        var described = await restarted.NowAsync("DescribeActivity", restarted.Activity);
        var listed = await restarted.Serve.CallAsync("ListActivities", new JsonObject());

        Assert.Equal(restarted.Before("DescribeActivity", restarted.Activity), described);
        Assert.Equal([restarted.Activity], listed["activities"]!.AsArray().Select(a => (string?)a!["activityArn"]));
    }

    [Fact]
    public async Task GetActivityTask_TaskScheduledBeforeKill_OfferedAgainAndCompletesTheExecution()
    {
        var task = await restarted.Serve.CallAsync("GetActivityTask", new JsonObject { ["activityArn"] = restarted.Activity, ["workerName"] = "w" });
        await restarted.Serve.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.GetValue<string>(), ["output"] = """{"done":true}""" });
        await restarted.Serve.UntilStatusAsync(restarted.Scheduled, "SUCCEEDED");
        var history = await restarted.Serve.HistoryAsync(restarted.Scheduled);

        Assert.Equal("""{"job":7}""", (string?)task["input"]);
        Assert.Single(history, e => (string?)e["type"] == "ActivityScheduled");
        Assert.Single(history, e => (string?)e["type"] == "ActivitySucceeded");
    }

    [Fact]
    public async Task Describe_DeletedBeforeKill_StillDeleted()
    {
        var version = await restarted.Serve.TryCallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = restarted.Numbered + ":2" });
        var alias = await restarted.Serve.TryCallAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = restarted.DeletedAlias });
        var activity = await restarted.Serve.TryCallAsync("DescribeActivity", new JsonObject { ["activityArn"] = restarted.DeletedActivity });
        var machine = await restarted.Serve.TryCallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = restarted.Deleted });
        var machineVersion = await restarted.Serve.TryCallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = restarted.Deleted + ":1" });
        var machineAlias = await restarted.Serve.TryCallAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = restarted.Deleted + ":doomed" });

        Assert.Equal("StateMachineDoesNotExist", (string?)version.Body["__type"]);
        Assert.Equal("ResourceNotFound", (string?)alias.Body["__type"]);
        Assert.Equal("ActivityDoesNotExist", (string?)activity.Body["__type"]);
        Assert.Equal("StateMachineDoesNotExist", (string?)machine.Body["__type"]);
        Assert.Equal("StateMachineDoesNotExist", (string?)machineVersion.Body["__type"]);
        Assert.Equal("ResourceNotFound", (string?)machineAlias.Body["__type"]);
    }

    [Fact]
    public async Task Serve_TornAndTemporaryFilesInData_SkipsThemWithAWarning()
    {
        var listed = await restarted.Serve.CallAsync("ListStateMachines", new JsonObject());
        var tornFile = await restarted.Serve.ErrorLineAsync(RestartedResources.TornFile);
        var tornLog = await restarted.Serve.ErrorLineAsync(RestartedResources.TornLog);

        Assert.Equal(["aliased", "numbered", "orders", "worker"], listed["stateMachines"]!.AsArray().Select(m => (string?)m!["name"]).Order(StringComparer.Ordinal));
        Assert.StartsWith("warning: --data: skipped ", tornFile, StringComparison.Ordinal);
        Assert.StartsWith("warning: --data: skipped ", tornLog, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(restarted.StateMachines, RestartedResources.TemporaryFile)));
    }
}
