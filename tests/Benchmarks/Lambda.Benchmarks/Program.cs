using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Lambda.Local;

// Warm invoke latency: one echo function process, 1,000 sequential invokes through the Invoke REST API and 1,000
// through the in-process API, after a warm-up. Prints p50/p99/max per path.
const int Invocations = 1000;
const int WarmUp = 50;

var assembly = Path.GetFullPath(Assembly.GetExecutingAssembly()
    .GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(attribute => attribute.Key == "TestFunctionAssembly").Value!);
await using var emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = new DiscardingLogSink() });
emulator.Register(FunctionDefinition.ForAssembly("echo", assembly) with
{
    Environment = new Dictionary<string, string> { ["WORKERS_HANDLER"] = "echo", ["POWERTOOLS_TRACE_DISABLED"] = "true" },
});
await emulator.StartAsync();
using var http = new HttpClient { BaseAddress = emulator.InvokeEndpoint };
var payload = """{"orderId":"o-1","amount":42.5,"items":[{"sku":"a","quantity":2}]}"""u8.ToArray();
var path = new Uri("/2015-03-31/functions/echo/invocations", UriKind.Relative);

var coldStart = Stopwatch.StartNew();
await emulator.InvokeAsync("echo", payload);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start (process start + first invoke): {coldStart.Elapsed.TotalMilliseconds:F1} ms"));

await MeasureAsync("REST API  (HttpClient -> Kestrel -> Runtime API -> process)", async () =>
{
    using var content = new ByteArrayContent(payload);
    using var response = await http.PostAsync(path, content);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
});
await MeasureAsync("in-process (LambdaEmulator.InvokeAsync -> Runtime API -> process)", async () =>
{
    await emulator.InvokeAsync("echo", payload);
});

static async Task MeasureAsync(string label, Func<Task> invoke)
{
    for (var i = 0; i < WarmUp; i++)
    {
        await invoke();
    }

    var samples = new double[Invocations];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < Invocations; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await invoke();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    total.Stop();
    Array.Sort(samples);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: {Invocations} sequential warm invokes in {total.Elapsed.TotalMilliseconds:F0} ms; p50 {Percentile(samples, 0.50):F3} ms, p99 {Percentile(samples, 0.99):F3} ms, max {samples[^1]:F3} ms"));
}

static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Ceiling(fraction * sorted.Length) - 1];

/// <summary>Drops function output: the benchmark measures invocation, not console writes.</summary>
internal sealed class DiscardingLogSink : IFunctionLogSink
{
    public void WriteLine(string functionName, string line)
    {
    }
}
