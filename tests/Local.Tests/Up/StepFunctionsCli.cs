using System.Text.Json.Nodes;
using Local.Tests.Api;

namespace Local.Tests.Up;

/// <summary>The Step Functions API of a running <c>up</c> through Debian's AWS CLI, as the README tells users to call it.</summary>
public sealed class StepFunctionsCli(string endpoint)
{
    private static readonly TimeSpan ExecutionTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The ARN <c>up</c> gives a template state machine (stack <c>local</c>, account 123456789012).</summary>
    public static string StateMachineArn(string name) => $"arn:aws:states:us-east-1:123456789012:stateMachine:local-{name}";

    /// <summary><c>aws stepfunctions start-execution</c>; returns the execution ARN.</summary>
    public async Task<string> StartExecutionAsync(string machine, JsonObject input)
    {
        var started = await RunAsync("start-execution", "--state-machine-arn", StateMachineArn(machine), "--input", input.ToJsonString());
        return (string)started["executionArn"]!;
    }

    /// <summary>Polls <c>aws stepfunctions describe-execution</c> until the execution has ended; the timeout is a safety net only.</summary>
    public async Task<JsonNode> WaitForExecutionAsync(string executionArn)
    {
        using var timeout = new CancellationTokenSource(ExecutionTimeout);
        using var poll = new PeriodicTimer(PollInterval);
        while (true)
        {
            await poll.WaitForNextTickAsync(timeout.Token);
            var execution = await RunAsync("describe-execution", "--execution-arn", executionArn);
            if ((string?)execution["status"] != "RUNNING")
            {
                return execution;
            }
        }
    }

    /// <summary>The TaskSucceeded events of an execution's history for one service integration (e.g. <c>sns</c>, <c>publish</c>).</summary>
    public async Task<IReadOnlyList<JsonNode>> SucceededTasksAsync(string executionArn, string resourceType, string resource)
    {
        var history = await RunAsync("get-execution-history", "--execution-arn", executionArn);
        return [.. history["events"]!.AsArray()
            .Select(e => e?["taskSucceededEventDetails"])
            .OfType<JsonNode>()
            .Where(d => (string?)d["resourceType"] == resourceType && (string?)d["resource"] == resource)];
    }

    private async Task<JsonNode> RunAsync(params string[] args)
    {
        var result = await AwsCli.RunAsync(AwsCli.Debian, endpoint, args);
        return result.ExitCode == 0 ? result.Json : throw new InvalidOperationException($"aws stepfunctions {args[0]} exited {result.ExitCode}: {result.Stderr}");
    }
}
