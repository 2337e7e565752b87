using System.Globalization;
using Asl.Benchmarks;

// Side by side: this engine and npm aws-local-stepfunctions 3.0.0 on the same two workloads, full history recorded.
// Usage: [runs (default 5)] [warm-up runs per engine (default 10)]
var runs = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 5;
// Both engines get the same untimed warm-up runs, so each is measured with its JIT settled (tiered code, PGO).
var warmups = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 10;
var node = await NodeBenchmark.RunAsync(runs, warmups).ConfigureAwait(false);
var loop = EngineBenchmark.Measure(Workloads.Loop, Workloads.LoopInput, runs, warmups);
var map = EngineBenchmark.Measure(Workloads.Map, Workloads.MapInput, runs, warmups);
var loopMemory = EngineBenchmark.MegabytesPer10KEvents(Workloads.Loop, Workloads.LoopInput);
var mapMemory = EngineBenchmark.MegabytesPer10KEvents(Workloads.Map, Workloads.MapInput);

Console.WriteLine($"load average at start: {LoadAverage()}; runtime: {RuntimeSettings()}");
Console.WriteLine("| workload | transitions | history events | Asl engine (transitions/s wall / CPU) | aws-local-stepfunctions 3.0.0 (wall / CPU) | ratio wall / CPU | MB per 10,000 events |");
Console.WriteLine("|---|---|---|---|---|---|---|");
Row("Pass(States.MathAdd)+Choice loop x10,000", loop, node?.Loop, loopMemory);
Row("inline Map over 10,000 items, Pass iterator", map, node?.Map, mapMemory);
if (node is null)
{
    Console.WriteLine("(aws-local-stepfunctions could not be run here; see the message above)");
}

return 0;

static void Row(string name, (Throughput Ours, int Transitions, int Events) ours, Throughput? theirs, double memory) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {ours.Transitions:N0} | {ours.Events:N0} | {ours.Ours.Wall:N0} / {ours.Ours.Cpu:N0} | {(theirs is { } t ? $"{t.Wall:N0} / {t.Cpu:N0}" : "n/a")} | {(theirs is { } r ? $"{ours.Ours.Wall / r.Wall:N1}x / {ours.Ours.Cpu / r.Cpu:N1}x" : "n/a")} | {memory:N2} |"));

// The tiering and GC settings decide how many warm-up runs the JIT needs: the table names the ones in effect.
static string RuntimeSettings() => string.Join(", ", new[]
{
    "System.Runtime.TieredPGO",
    "System.Runtime.TieredCompilation.CallCountingDelayMs",
    "System.GC.Concurrent",
    "System.GC.Gen0Size",
}.Select(name => $"{name[(name.LastIndexOf('.') + 1)..]}={AppContext.GetData(name) ?? "default"}"));

// The machine may be shared: the load average says how far the wall-time figures can be trusted.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
