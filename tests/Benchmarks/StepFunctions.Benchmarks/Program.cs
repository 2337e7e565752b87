using System.Globalization;
using Asl;
using StepFunctions.Benchmarks;
using StepFunctions.Local;

// Executions per second over HTTP: our server and the npm stepfunctions-local 1.3.1 server, same definition, same
// clients. The machine is shared, so the two are measured in alternating rounds and each side keeps its best round.
// Usage: [--executions N] [--clients C] [--rounds R]
var executions = Argument("--executions", 5000);
var clients = Argument("--clients", 16);
var rounds = Argument("--rounds", 3);
var baselineExecutions = Math.Max(100, executions / 10);
Console.WriteLine($"{executions} executions per round (baseline {baselineExecutions}), {clients} concurrent clients, best of {rounds} alternating rounds, {Environment.ProcessorCount} cores");

await using var ours = await StepFunctionsServer.StartAsync(new StepFunctionsServerOptions { Port = 0, Clock = new RealClock() });
using var oursClient = new SfnHttpClient(ours.Endpoint);
var oursStandard = await Workloads.CreateAsync(oursClient, "bench-standard", "STANDARD");
var oursExpress = await Workloads.CreateAsync(oursClient, "bench-express", "EXPRESS");
using var baseline = await BaselineServer.StartAsync();
using var baselineClient = new SfnHttpClient(baseline.Endpoint);
var baselineStandard = await Workloads.CreateAsync(baselineClient, "bench-standard", "STANDARD");
var baselineExpress = await Workloads.CreateAsync(baselineClient, "bench-express", "EXPRESS");
await Workloads.StartAndPollAsync(oursClient, oursStandard, 500, clients);
await Workloads.StartSyncAsync(oursClient, oursExpress, 500, clients);
await Workloads.StartAndPollAsync(baselineClient, baselineStandard, 100, clients);

Result? oursPoll = null, oursSync = null, baselinePoll = null;
for (var round = 1; round <= rounds; round++)
{
    var poll = await Workloads.StartAndPollAsync(oursClient, oursStandard, executions, clients);
    var sync = await Workloads.StartSyncAsync(oursClient, oursExpress, executions, clients);
    var reference = await Workloads.StartAndPollAsync(baselineClient, baselineStandard, baselineExecutions, clients);
    Console.WriteLine($"round {round}: ours {poll.PerSecond:F0}/s poll, {sync.PerSecond:F0}/s sync; stepfunctions-local {reference.PerSecond:F0}/s poll");
    oursPoll = Best(oursPoll, poll);
    oursSync = Best(oursSync, sync);
    baselinePoll = Best(baselinePoll, reference);
}

string baselineSync;
try
{
    baselineSync = Describe(await Workloads.StartSyncAsync(baselineClient, baselineExpress, baselineExecutions, clients));
}
catch (HttpRequestException e)
{
    baselineSync = $"unsupported ({e.Message})";
}

Console.WriteLine();
Console.WriteLine("| workload (10 Pass states, over HTTP) | ours | stepfunctions-local 1.3.1 | ratio |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| StartExecution + poll DescribeExecution to SUCCEEDED | {Describe(oursPoll!)} | {Describe(baselinePoll!)} | {oursPoll!.PerSecond / baselinePoll!.PerSecond:F1}x |");
Console.WriteLine($"| StartSyncExecution (EXPRESS) | {Describe(oursSync!)} | {baselineSync} | n/a |");
return oursPoll.Succeeded == executions && oursSync!.Succeeded == executions ? 0 : 1;

static Result Best(Result? best, Result candidate) => best is null || candidate.PerSecond > best.PerSecond ? candidate : best;

static string Describe(Result result) =>
    string.Create(CultureInfo.InvariantCulture, $"{result.PerSecond:F0}/s ({result.Succeeded}/{result.Executions} succeeded, {result.Polls} polls, {result.Elapsed.TotalSeconds:F2} s)");

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
