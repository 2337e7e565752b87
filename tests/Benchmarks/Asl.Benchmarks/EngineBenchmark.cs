using System.Diagnostics;

namespace Asl.Benchmarks;

/// <summary>
/// Runs a workload on this engine (real clock, full history) and reports the best of several runs, per second of
/// wall time and per second of the process's CPU time.
/// </summary>
internal static class EngineBenchmark
{
    public static (Throughput Throughput, int Transitions, int Events) Measure(string definition, string input, int runs, int warmups)
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new RealClock() });
        var machine = engine.CreateStateMachine("Bench", definition);
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var transitions = 0;
        var events = 0;
        for (var run = 0; run < runs + warmups; run++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            var execution = engine.StartExecution(machine, input);
            execution.Completion.GetAwaiter().GetResult();
            watch.Stop();
            var used = Environment.CpuUsage.TotalTime - cpu;
            if (execution.Status != ExecutionStatus.Succeeded)
            {
                throw new InvalidOperationException($"benchmark execution ended {execution.Status}: {execution.Error} {execution.Cause}");
            }

            var history = execution.History.Snapshot();
            transitions = history.Count(e => e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal));
            events = history.Count;
            if (run >= warmups)
            {
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                bestCpu = Math.Min(bestCpu, used.TotalSeconds);
            }
        }

        return (new Throughput(transitions / best, transitions / bestCpu), transitions, events);
    }

    /// <summary>Managed memory held by one finished execution of the workload, per 10,000 history events.</summary>
    public static double MegabytesPer10KEvents(string definition, string input)
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new RealClock() });
        var machine = engine.CreateStateMachine("Memory", definition);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var execution = engine.StartExecution(machine, input);
        execution.Completion.GetAwaiter().GetResult();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var events = execution.History.Count;
        GC.KeepAlive(execution);
        return (after - before) / 1024.0 / 1024.0 / events * 10_000;
    }
}
