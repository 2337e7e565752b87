using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Local.Tests.Durability;

/// <summary>
/// <c>serve --data DIR</c> killed with SIGKILL mid-run and restarted on the same DIR, twice: finished executions
/// read back identically, every RUNNING one resumes and completes, and no task with a recorded outcome runs again.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Running = 20;
    private const string Lambda = "arn:aws:states:::lambda:invoke";

    private static readonly string WaitMachine = $$$"""
        {"StartAt":"A","States":{
          "A":{"Type":"Task","Resource":"{{{Lambda}}}","Parameters":{"FunctionName":"counter","Payload":{"execution.$":"$$.Execution.Name","step":"A"}},"ResultSelector":{"ok.$":"$.Payload.ok"},"ResultPath":"$.a","Next":"Sleep"},
          "Sleep":{"Type":"Wait","Seconds":20,"Next":"B"},
          "B":{"Type":"Task","Resource":"{{{Lambda}}}","Parameters":{"FunctionName":"counter","Payload":{"execution.$":"$$.Execution.Name","step":"B"}},"ResultSelector":{"ok.$":"$.Payload.ok"},"ResultPath":"$.b","End":true} } }
        """;

    private static readonly string CallbackMachine = $$$"""
        {"StartAt":"Approve","States":{
          "Approve":{"Type":"Task","Resource":"{{{Lambda}}}.waitForTaskToken","Parameters":{"FunctionName":"counter","Payload":{"execution.$":"$$.Execution.Name","step":"Approve","token.$":"$$.Task.Token"}},"ResultPath":"$.approval","Next":"After"},
          "After":{"Type":"Task","Resource":"{{{Lambda}}}","Parameters":{"FunctionName":"counter","Payload":{"execution.$":"$$.Execution.Name","step":"After"}},"ResultSelector":{"ok.$":"$.Payload.ok"},"ResultPath":"$.after","End":true} } }
        """;

    private static readonly string QuickMachine = $$$"""
        {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"{{{Lambda}}}","Parameters":{"FunctionName":"counter","Payload":{"execution.$":"$$.Execution.Name","step":"A"}},"End":true} } }
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("sfn-data-").FullName;
    private readonly SideEffectCounter _counter = new();
    private readonly int _port = ServeProcess.FreePort();

    [Fact]
    public async Task Serve_KilledTwiceMidRun_FinishedKeptAndEveryRunningExecutionCompletesExactlyOnce()
    {
        var serve = await StartAsync();
        var waitArn = await CreateAsync(serve, "waiting", WaitMachine);
        var callbackArn = await CreateAsync(serve, "approval", CallbackMachine);
        var quickArn = await CreateAsync(serve, "quick", QuickMachine);
        var finished = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            finished.Add(await StartAsync(serve, quickArn, $"done-{i}"));
        }

        var before = new Dictionary<string, string>();
        foreach (var arn in finished)
        {
            await serve.UntilStatusAsync(arn, "SUCCEEDED");
            before[arn] = await SnapshotAsync(serve, arn);
        }

        var running = new List<string>();
        for (var i = 0; i < Running; i++)
        {
            running.Add(await StartAsync(serve, waitArn, $"run-{i}"));
        }

        var approval = await StartAsync(serve, callbackArn, "approval-1");
        foreach (var arn in running)
        {
            await serve.UntilEventAsync(arn, "WaitStateEntered");
        }

        await serve.UntilEventAsync(approval, "TaskSubmitted");

        await serve.KillAsync();
        await serve.DisposeAsync();
        serve = await StartAsync();
        var afterFirstRestart = await Task.WhenAll(finished.Select(arn => SnapshotAsync(serve, arn)));
        var stillRunning = await Task.WhenAll(running.Select(async arn => (await serve.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn }))["status"]!.GetValue<string>()));
        await serve.KillAsync();
        await serve.DisposeAsync();
        serve = await StartAsync();
        await using (serve)
        {
            await serve.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = _counter.Token("approval-1"), ["output"] = """{"approved":true}""" });
            foreach (var arn in running.Append(approval))
            {
                await serve.UntilStatusAsync(arn, "SUCCEEDED");
            }

            var histories = await Task.WhenAll(running.Append(approval).Select(serve.HistoryAsync));
            var afterSecondRestart = await Task.WhenAll(finished.Select(arn => SnapshotAsync(serve, arn)));
            var listed = await serve.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = waitArn, ["maxResults"] = 1000 });
            var duplicates = _counter.All.Values.Sum(count => count - 1);
            output.WriteLine($"{Running + 1} running executions, 2 finished, 2 kill -9 restarts, {_counter.All.Count} side effects, {duplicates} duplicates");

            Assert.Equal(before.Values, afterFirstRestart);
            Assert.Equal(before.Values, afterSecondRestart);
            Assert.All(stillRunning, status => Assert.Equal("RUNNING", status));
            Assert.Equal(Running, listed["executions"]!.AsArray().Count);
            Assert.All(running, arn => Assert.Equal((1, 1), (_counter.Calls(Name(arn), "A"), _counter.Calls(Name(arn), "B"))));
            Assert.Equal((1, 1), (_counter.Calls("approval-1", "Approve"), _counter.Calls("approval-1", "After")));
            Assert.Equal(0, duplicates);
            Assert.All(histories, events => Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e["id"]!.GetValue<long>())));
            Assert.All(histories, events => Assert.All(events, e => Assert.True(e["previousEventId"]!.GetValue<long>() < e["id"]!.GetValue<long>())));
            Assert.All(histories, events => Assert.Single(events, e => e["type"]!.GetValue<string>() == "ExecutionStarted"));
            Assert.All(histories, events => Assert.Single(events, e => e["type"]!.GetValue<string>().EndsWith("Succeeded", StringComparison.Ordinal) && e["type"]!.GetValue<string>().StartsWith("Execution", StringComparison.Ordinal)));
        }
    }

    public void Dispose()
    {
        _counter.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private static string Name(string executionArn) => executionArn[(executionArn.LastIndexOf(':') + 1)..];

    private Task<ServeProcess> StartAsync() => ServeProcess.StartAsync(_data, _port, new Dictionary<string, string>
    {
        ["LAMBDA_ENDPOINT"] = _counter.Endpoint,
        ["WAIT_TIME_SCALE"] = "1",
        ["AWS_ACCESS_KEY_ID"] = "dummy",
        ["AWS_SECRET_ACCESS_KEY"] = "dummy",
        ["SFN_MOCK_CONFIG"] = string.Empty,
    });

    private static async Task<string> CreateAsync(ServeProcess serve, string name, string definition) =>
        (await serve.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::123456789012:role/DurabilityTests",
        }))["stateMachineArn"]!.GetValue<string>();

    private static async Task<string> StartAsync(ServeProcess serve, string machineArn, string name) =>
        (await serve.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = name, ["input"] = "{}" }))["executionArn"]!.GetValue<string>();

    /// <summary>DescribeExecution and the whole history, as one text to compare across restarts.</summary>
    private static async Task<string> SnapshotAsync(ServeProcess serve, string arn)
    {
        var described = await serve.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        var history = await serve.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["maxResults"] = 1000 });
        return described.ToJsonString() + history.ToJsonString();
    }
}
