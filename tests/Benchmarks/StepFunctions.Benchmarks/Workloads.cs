using System.Diagnostics;
using System.Text.Json;

namespace StepFunctions.Benchmarks;

/// <summary>The measured workloads: executions driven over HTTP by concurrent clients until they reach a terminal status.</summary>
internal static class Workloads
{
    /// <summary>A machine of ten Pass states, each adding a field.</summary>
    public static string TenPassStates { get; } = JsonSerializer.Serialize(new
    {
        StartAt = "S1",
        States = Enumerable.Range(1, 10).ToDictionary(
            i => $"S{i}",
            i => i < 10
                ? (object)new { Type = "Pass", Result = i, ResultPath = $"$.s{i}", Next = $"S{i + 1}" }
                : new { Type = "Pass", Result = i, ResultPath = $"$.s{i}", End = true }),
    });

    /// <summary>Creates the machine and returns its ARN as the server reports it.</summary>
    public static async Task<string> CreateAsync(SfnHttpClient client, string name, string type) =>
        (await client.CallAsync("CreateStateMachine", JsonSerializer.Serialize(new
        {
            name,
            definition = TenPassStates,
            roleArn = "arn:aws:iam::123456789012:role/bench",
            type,
        }))).GetProperty("stateMachineArn").GetString()!;

    /// <summary>StartExecution, then DescribeExecution until terminal; returns executions per second.</summary>
    public static Task<Result> StartAndPollAsync(SfnHttpClient client, string machineArn, int executions, int clients) =>
        RunAsync(executions, clients, async i =>
        {
            var started = await client.CallAsync("StartExecution", $$"""{"stateMachineArn":"{{machineArn}}","name":"run-{{i}}-{{Guid.NewGuid():N}}","input":"{\"n\":{{i}}}"}""");
            var describe = $$"""{"executionArn":"{{started.GetProperty("executionArn").GetString()}}"}""";
            var polls = 0;
            while (true)
            {
                polls++;
                var status = (await client.CallAsync("DescribeExecution", describe)).GetProperty("status").GetString();
                if (status != "RUNNING")
                {
                    return (status == "SUCCEEDED", polls);
                }
            }
        });

    /// <summary>StartSyncExecution on an EXPRESS machine; returns executions per second.</summary>
    public static Task<Result> StartSyncAsync(SfnHttpClient client, string machineArn, int executions, int clients) =>
        RunAsync(executions, clients, async i =>
        {
            var result = await client.CallAsync("StartSyncExecution", $$"""{"stateMachineArn":"{{machineArn}}","input":"{\"n\":{{i}}}"}""");
            return (result.GetProperty("status").GetString() == "SUCCEEDED", 0);
        });

    private static async Task<Result> RunAsync(int executions, int clients, Func<int, Task<(bool Succeeded, int Polls)>> one)
    {
        var next = -1;
        var succeeded = 0;
        var polls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < executions)
            {
                var (ok, count) = await one(i);
                Interlocked.Add(ref polls, count);
                if (ok)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        }));
        clock.Stop();
        return new Result(executions, succeeded, polls, clock.Elapsed);
    }
}

/// <summary>One workload's outcome.</summary>
internal sealed record Result(int Executions, int Succeeded, int Polls, TimeSpan Elapsed)
{
    public double PerSecond => Executions / Elapsed.TotalSeconds;
}
