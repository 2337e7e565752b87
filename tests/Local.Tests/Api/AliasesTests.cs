using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>State machine aliases through the JavaScript SDK and the pip AWS CLI: routing, AWS's validation and conflicts.</summary>
public sealed class AliasesTests
{
    private const string First = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v1","End":true}}}""";
    private const string Second = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v2","End":true}}}""";

    [Fact]
    public async Task CreateStateMachineAlias_OneVersion_DescribeShowsRouting()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, v1, _) = await TwoVersionsAsync(server);

        var created = await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 100)));
        var described = await VersionsTests.CallAsync(server, "DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = $"{machine}:prod" });

        Assert.Equal($"{machine}:prod", (string)created["stateMachineAliasArn"]!);
        Assert.Equal(("prod", "the alias", v1, 100), ((string)described["name"]!, (string)described["description"]!, (string)described["routingConfiguration"]![0]!["stateMachineVersionArn"]!, (int)described["routingConfiguration"]![0]!["weight"]!));
    }

    [Fact]
    public async Task StartExecution_AliasArn_RunsRoutedVersionAndDescribeNamesBoth()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, _, v2) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v2, 100)));

        var execution = await server.StartExecutionAsync($"{machine}:prod", "through-alias");
        await server.CompletedAsync(execution);
        var described = await VersionsTests.CallAsync(server, "DescribeExecution", new JsonObject { ["executionArn"] = execution });

        Assert.Equal("\"v2\"", (string)described["output"]!);
        Assert.Equal((v2, $"{machine}:prod"), ((string)described["stateMachineVersionArn"]!, (string)described["stateMachineAliasArn"]!));
    }

    [Fact]
    public async Task StartExecution_AliasSplitFiftyFifty_BothVersionsRun()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, v1, v2) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("canary", Route(v1, 50), Route(v2, 50)));

        var versions = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var execution = await server.StartExecutionAsync($"{machine}:canary", $"run-{i}");
            versions.Add((string)(await VersionsTests.CallAsync(server, "DescribeExecution", new JsonObject { ["executionArn"] = execution }))["stateMachineVersionArn"]!);
        }

        Assert.Equal([v1, v2], versions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateStateMachineAlias_WeightsNotSummingTo100_ValidationException()
    {
        await using var server = await TestServer.StartAsync();
        var (_, v1, v2) = await TwoVersionsAsync(server);

        var error = await VersionsTests.FailAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 70), Route(v2, 29)));

        Assert.Equal(("ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 29]"), error);
    }

    [Fact]
    public async Task CreateStateMachineAlias_MachineArnInsteadOfVersion_ValidationException()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, _, _) = await TwoVersionsAsync(server);

        var error = await VersionsTests.FailAsync(server, "CreateStateMachineAlias", Alias("prod", Route(machine, 100)));

        Assert.Equal(("ValidationException", $"Routing configuration must contain state machine version ARNs. Received: [{machine}]"), error);
    }

    [Fact]
    public async Task CreateStateMachineAlias_ThreeRoutes_LengthConstraintViolation()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, v1, v2) = await TwoVersionsAsync(server);

        var error = await VersionsTests.FailAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 50), Route(v2, 30), Route($"{machine}:3", 20)));

        Assert.Equal("ValidationException", error.Name);
        Assert.EndsWith("at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachineAlias_NumericName_PatternViolation()
    {
        await using var server = await TestServer.StartAsync();
        var (_, v1, _) = await TwoVersionsAsync(server);

        var error = await VersionsTests.FailAsync(server, "CreateStateMachineAlias", Alias("123", Route(v1, 100)));

        Assert.Equal(("ValidationException", @"1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"), error);
    }

    [Fact]
    public async Task CreateStateMachineAlias_SameNameOtherRouting_ConflictException()
    {
        await using var server = await TestServer.StartAsync();
        var (_, v1, v2) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 100)));

        var error = await VersionsTests.FailAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v2, 100)));

        Assert.Equal(("ConflictException", "Failed to create alias because an alias with the same name and a different routing configuration already exists."), error);
    }

    [Fact]
    public async Task DeleteStateMachineVersion_ReferencedByAlias_ConflictException()
    {
        await using var server = await TestServer.StartAsync();
        var (_, v1, _) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 100)));

        var error = await VersionsTests.FailAsync(server, "DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = v1 });

        Assert.Equal(("ConflictException", "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [prod]"), error);
    }

    [Fact]
    public async Task UpdateStateMachineAlias_NewRouting_DescribeShowsItAndVersionCanBeDeleted()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, v1, v2) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 100)));

        await VersionsTests.CallAsync(server, "UpdateStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = $"{machine}:prod", ["routingConfiguration"] = new JsonArray(Route(v2, 100)) });
        await VersionsTests.CallAsync(server, "DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = v1 });
        var described = await VersionsTests.CallAsync(server, "DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = $"{machine}:prod" });

        Assert.Equal(v2, (string)described["routingConfiguration"]![0]!["stateMachineVersionArn"]!);
    }

    [Fact]
    public async Task UpdateStateMachineAlias_UnknownAlias_ResourceNotFound()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, _, _) = await TwoVersionsAsync(server);

        var error = await VersionsTests.FailAsync(server, "UpdateStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = $"{machine}:nope", ["description"] = "x" });

        Assert.Equal(("ResourceNotFound", "Request references a resource that does not exist."), error);
    }

    [Fact]
    public async Task ListAndDeleteAliases_ThroughPipCli_DeletedAliasNotListed()
    {
        await using var server = await TestServer.StartAsync();
        var (machine, v1, _) = await TwoVersionsAsync(server);
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("prod", Route(v1, 100)));
        await VersionsTests.CallAsync(server, "CreateStateMachineAlias", Alias("beta", Route(v1, 100)));

        await AwsCli.RunAsync(AwsCli.Pip, server, "delete-state-machine-alias", "--state-machine-alias-arn", $"{machine}:prod");
        var listed = await AwsCli.RunAsync(AwsCli.Pip, server, "list-state-machine-aliases", "--state-machine-arn", machine);

        Assert.Equal([$"{machine}:beta"], listed.Json["stateMachineAliases"]!.AsArray().Select(a => (string)a!["stateMachineAliasArn"]!));
    }

    private static async Task<(string Machine, string V1, string V2)> TwoVersionsAsync(TestServer server)
    {
        var machine = await server.CreateStateMachineAsync("orders", First);
        var v1 = (string)(await server.CallAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        await server.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Second });
        var v2 = (string)(await server.CallAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        return (machine, v1, v2);
    }

    private static JsonObject Alias(string name, params JsonObject[] routes) =>
        new() { ["name"] = name, ["description"] = "the alias", ["routingConfiguration"] = new JsonArray([.. routes]) };

    private static JsonObject Route(string versionArn, int weight) => new() { ["stateMachineVersionArn"] = versionArn, ["weight"] = weight };
}
