using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>State machine versions through the JavaScript SDK and the pip AWS CLI (Debian's CLI predates versions).</summary>
public sealed class VersionsTests
{
    private const string First = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v1","End":true}}}""";
    private const string Second = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v2","End":true}}}""";

    [Fact]
    public async Task CreateStateMachine_WithPublish_ReturnsVersionOne()
    {
        await using var server = await TestServer.StartAsync();

        var created = await CallAsync(server, "CreateStateMachine", new JsonObject
        {
            ["name"] = "orders", ["definition"] = First, ["roleArn"] = TestServer.RoleArn, ["publish"] = true, ["versionDescription"] = "first",
        });

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:orders:1", (string)created["stateMachineVersionArn"]!);
    }

    [Fact]
    public async Task CreateStateMachine_VersionDescriptionWithoutPublish_ValidationException()
    {
        await using var server = await TestServer.StartAsync();

        var error = await FailAsync(server, "CreateStateMachine", new JsonObject
        {
            ["name"] = "orders", ["definition"] = First, ["roleArn"] = TestServer.RoleArn, ["versionDescription"] = "first",
        });

        Assert.Equal(("ValidationException", "Version description can only be set when publish is true"), error);
    }

    [Fact]
    public async Task UpdateStateMachine_WithPublish_EachUpdateANewVersionListedNewestFirst()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);

        var update = await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Second, ["publish"] = true });
        await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = First, ["publish"] = true });
        var list = await CallAsync(server, "ListStateMachineVersions", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal($"{machine}:1", (string)update["stateMachineVersionArn"]!);
        Assert.Equal([$"{machine}:2", $"{machine}:1"], list["stateMachineVersions"]!.AsArray().Select(v => (string)v!["stateMachineVersionArn"]!));
    }

    [Fact]
    public async Task PublishStateMachineVersion_SameRevisionTwice_SameVersion()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);

        var first = await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["description"] = "v1" });
        var second = await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal((string)first["stateMachineVersionArn"]!, (string)second["stateMachineVersionArn"]!);
    }

    [Fact]
    public async Task PublishStateMachineVersion_StaleRevisionId_ConflictException()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var revision = (string)(await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Second }))["revisionId"]!;
        var current = (string)(await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = First }))["revisionId"]!;

        var error = await FailAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["revisionId"] = revision });

        Assert.Equal(("ConflictException", $"Failed to publish the State Machine version for revision {revision}. The current State Machine revision is {current}."), error);
    }

    [Fact]
    public async Task DescribeStateMachine_VersionArnAfterUpdate_VersionKeepsItsDefinition()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var version = (string)(await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["description"] = "the first" }))["stateMachineVersionArn"]!;
        await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Second });

        var described = await CallAsync(server, "DescribeStateMachine", new JsonObject { ["stateMachineArn"] = version });

        Assert.Equal((version, First, "the first"), ((string)described["stateMachineArn"]!, (string)described["definition"]!, (string)described["description"]!));
    }

    [Fact]
    public async Task StartExecution_VersionArn_RunsVersionDefinitionAndDescribeNamesVersion()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var version = (string)(await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        await CallAsync(server, "UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Second });

        var execution = await server.StartExecutionAsync(version, "through-version");
        await server.CompletedAsync(execution);
        var described = await CallAsync(server, "DescribeExecution", new JsonObject { ["executionArn"] = execution });

        Assert.Equal("\"v1\"", (string)described["output"]!);
        Assert.Equal((machine, version), ((string)described["stateMachineArn"]!, (string)described["stateMachineVersionArn"]!));
        Assert.Null(described["stateMachineAliasArn"]);
    }

    [Fact]
    public async Task ListExecutions_VersionArn_OnlyExecutionsOfThatVersion()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var version = (string)(await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        await server.CompletedAsync(await server.StartExecutionAsync(machine, "plain"));
        await server.CompletedAsync(await server.StartExecutionAsync(version, "versioned"));

        var listed = await CallAsync(server, "ListExecutions", new JsonObject { ["stateMachineArn"] = version });

        var only = Assert.Single(listed["executions"]!.AsArray());
        Assert.Equal(("versioned", version), ((string)only!["name"]!, (string)only["stateMachineVersionArn"]!));
    }

    [Fact]
    public async Task StartExecution_DeletedVersion_StateMachineDoesNotExist()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var version = (string)(await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        await CallAsync(server, "DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = version });

        var error = await FailAsync(server, "StartExecution", new JsonObject { ["stateMachineArn"] = version });

        Assert.Equal(("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{version}'"), error);
    }

    [Fact]
    public async Task PublishAndListVersions_ThroughPipCli_VersionListed()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);

        var published = await AwsCli.RunAsync(AwsCli.Pip, server, "publish-state-machine-version", "--state-machine-arn", machine, "--description", "cli");
        var listed = await AwsCli.RunAsync(AwsCli.Pip, server, "list-state-machine-versions", "--state-machine-arn", machine);

        Assert.Equal($"{machine}:1", (string)published.Json["stateMachineVersionArn"]!);
        Assert.Equal($"{machine}:1", (string)listed.Json["stateMachineVersions"]![0]!["stateMachineVersionArn"]!);
    }

    [Fact]
    public async Task DeleteStateMachine_WithVersions_VersionsGoneWithIt()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateStateMachineAsync("orders", First);
        var version = (string)(await CallAsync(server, "PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;

        await CallAsync(server, "DeleteStateMachine", new JsonObject { ["stateMachineArn"] = machine });
        var error = await FailAsync(server, "DescribeStateMachine", new JsonObject { ["stateMachineArn"] = version });

        Assert.Equal("StateMachineDoesNotExist", error.Name);
    }

    internal static async Task<JsonNode> CallAsync(TestServer server, string operation, JsonObject input)
    {
        var result = (await JsSdk.RunAsync(server, [JsSdk.Call(operation, input)]))[0]!;
        return (bool)result["ok"]! ? result["output"]! : throw new InvalidOperationException($"{operation}: {result.ToJsonString()}");
    }

    internal static async Task<(string Name, string Message)> FailAsync(TestServer server, string operation, JsonObject input)
    {
        var result = (await JsSdk.RunAsync(server, [JsSdk.Call(operation, input)]))[0]!;
        return (bool)result["ok"]! ? throw new InvalidOperationException($"{operation} succeeded: {result.ToJsonString()}") : ((string)result["name"]!, (string)result["message"]!);
    }
}
