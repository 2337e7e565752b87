using System.Text.Json.Nodes;

namespace Local.Tests.Durability;

/// <summary>
/// One <c>serve --data DIR</c> given versions, aliases, activities and executions started through them (and some of
/// each deleted), snapshotted, killed with SIGKILL, left a torn and a temporary file in its folder, and started again
/// on the same DIR: the one restart the <see cref="DurableResourcesTests"/> share.
/// </summary>
public sealed class RestartedResources : IAsyncLifetime
{
    public const string FirstDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"End":true}}}""";
    public const string SecondDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":2},"End":true}}}""";
    public const string TornFile = "torn.json";
    public const string TemporaryFile = "0123456789abcdef.json.0123.tmp";
    public const string TornLog = "torn.jsonl";
    private const string Role = "arn:aws:iam::123456789012:role/DurableResourcesTests";
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";

    private readonly string _data = Directory.CreateTempSubdirectory("sfn-resources-").FullName;
    private readonly Dictionary<string, string> _before = new(StringComparer.Ordinal);

    public string Machine { get; } = Prefix + "stateMachine:orders";

    public string FirstVersion => Machine + ":1";

    public string SecondVersion => Machine + ":2";

    public string Alias => Machine + ":live";

    /// <summary>An alias deleted before the kill, the last change to its machine.</summary>
    public string DeletedAlias { get; } = Prefix + "stateMachine:aliased:old";

    /// <summary>A machine whose version 2 was deleted before the kill.</summary>
    public string Numbered { get; } = Prefix + "stateMachine:numbered";

    /// <summary>A machine deleted, with its version and alias, before the kill.</summary>
    public string Deleted { get; } = Prefix + "stateMachine:gone";

    public string Activity { get; } = Prefix + "activity:work";

    public string DeletedActivity { get; } = Prefix + "activity:retired";

    public string ViaAlias { get; } = Prefix + "execution:orders:via-alias";

    public string ViaVersion { get; } = Prefix + "execution:orders:via-version";

    /// <summary>An execution whose activity task was scheduled, and not yet taken by a worker, when the server was killed.</summary>
    public string Scheduled { get; } = Prefix + "execution:worker:scheduled";

    /// <summary>What each of the machine's versions outputs.</summary>
    public IReadOnlyDictionary<string, string> OutputOf => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FirstVersion] = """{"v":1}""",
        [SecondVersion] = """{"v":2}""",
    };

    /// <summary>The restarted server.</summary>
    internal ServeProcess Serve { get; private set; } = null!;

    public string StateMachines => Path.Combine(_data, "stepfunctions", "statemachines");

    public async Task InitializeAsync()
    {
        var port = ServeProcess.FreePort();
        await using (var serve = await StartAsync(port))
        {
            await SetUpAsync(serve);
            await serve.KillAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(StateMachines, TornFile), $$"""{"stateMachineArn":"{{Prefix}}stateMachine:torn","na""");
        await File.WriteAllTextAsync(Path.Combine(StateMachines, TemporaryFile), """{"stateMachineArn":""");
        await File.WriteAllTextAsync(Path.Combine(_data, "stepfunctions", "executions", TornLog), "{\"executionArn\":\n");
        Serve = await StartAsync(port);
    }

    /// <summary>The answer <paramref name="operation"/> gave for <paramref name="arn"/> before the kill.</summary>
    public string Before(string operation, string arn) => _before[operation + " " + arn];

    /// <summary>The answer <paramref name="operation"/> gives for <paramref name="arn"/> now, after the restart.</summary>
    public Task<string> NowAsync(string operation, string arn) => SnapshotAsync(Serve, operation, arn);

    public async Task DisposeAsync()
    {
        await Serve.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private Task<ServeProcess> StartAsync(int port) => ServeProcess.StartAsync(_data, port, new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "dummy",
        ["AWS_SECRET_ACCESS_KEY"] = "dummy",
        ["SFN_MOCK_CONFIG"] = string.Empty,
    });

    private async Task SetUpAsync(ServeProcess serve)
    {
        // Each machine's last change is the one checked after the restart: nothing after it saves that machine's file.
        await serve.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "orders", ["definition"] = FirstDefinition, ["roleArn"] = Role });
        await serve.CallAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = Machine, ["description"] = "first" });
        await serve.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = Machine, ["definition"] = SecondDefinition, ["publish"] = true, ["versionDescription"] = "second" });
        await serve.CallAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "live", ["routingConfiguration"] = Routes((FirstVersion, 100)) });

        await serve.CallAsync("UpdateStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = Alias, ["description"] = "canary", ["routingConfiguration"] = Routes((FirstVersion, 70), (SecondVersion, 30)) });

        await serve.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "numbered", ["definition"] = FirstDefinition, ["roleArn"] = Role, ["publish"] = true });
        await serve.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = Numbered, ["definition"] = SecondDefinition, ["publish"] = true });
        await serve.CallAsync("DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = Numbered + ":2" });

        await serve.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "aliased", ["definition"] = FirstDefinition, ["roleArn"] = Role, ["publish"] = true });
        await serve.CallAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "old", ["routingConfiguration"] = Routes((Prefix + "stateMachine:aliased:1", 100)) });
        await serve.CallAsync("DeleteStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = DeletedAlias });

        await serve.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "gone", ["definition"] = FirstDefinition, ["roleArn"] = Role, ["publish"] = true });
        await serve.CallAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "doomed", ["routingConfiguration"] = Routes((Deleted + ":1", 100)) });
        await serve.CallAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = Deleted });

        await serve.CallAsync("CreateActivity", new JsonObject { ["name"] = "work" });
        await serve.CallAsync("CreateActivity", new JsonObject { ["name"] = "retired" });
        await serve.CallAsync("DeleteActivity", new JsonObject { ["activityArn"] = DeletedActivity });
        var worker = $$$$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{{{Activity}}}}","End":true}}}""";
        var workerArn = (await serve.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "worker", ["definition"] = worker, ["roleArn"] = Role }))["stateMachineArn"]!.GetValue<string>();
        await serve.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = workerArn, ["name"] = "scheduled", ["input"] = """{"job":7}""" });
        await serve.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = Alias, ["name"] = "via-alias" });
        await serve.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = FirstVersion, ["name"] = "via-version" });
        await serve.UntilEventAsync(Scheduled, "ActivityScheduled");
        await serve.UntilStatusAsync(ViaAlias, "SUCCEEDED");
        await serve.UntilStatusAsync(ViaVersion, "SUCCEEDED");

        foreach (var (operation, arn) in new[]
        {
            ("DescribeStateMachine", FirstVersion), ("DescribeStateMachine", SecondVersion), ("ListStateMachineVersions", Machine),
            ("DescribeStateMachineAlias", Alias), ("ListStateMachineAliases", Machine), ("DescribeActivity", Activity),
            ("DescribeExecution", ViaAlias), ("DescribeExecution", ViaVersion),
        })
        {
            _before[operation + " " + arn] = await SnapshotAsync(serve, operation, arn);
        }
    }

    private static async Task<string> SnapshotAsync(ServeProcess serve, string operation, string arn)
    {
        var member = operation switch
        {
            "DescribeStateMachineAlias" => "stateMachineAliasArn",
            "DescribeActivity" => "activityArn",
            "DescribeExecution" => "executionArn",
            _ => "stateMachineArn",
        };
        return (await serve.CallAsync(operation, new JsonObject { [member] = arn })).ToJsonString();
    }

    private static JsonArray Routes(params (string Version, int Weight)[] routes) =>
        [.. routes.Select(r => new JsonObject { ["stateMachineVersionArn"] = r.Version, ["weight"] = r.Weight })];
}
