using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

// Starts the already built `up` as a real process on free ports, times start-to-ready, then posts orders at a steady
// rate for a bounded time and follows each one to its final status over loopback. Besides the headline numbers it
// says where the time went (POST, each saga state, each function's run time from its REPORT lines) and why any
// order failed (the failing state and error, from the execution's history).
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var warmUpSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
var root = FindRoot();
var apiPort = FreePort();
var sfnPort = FreePort();
var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
foreach (var argument in new[] { Path.Combine(root, "local/Workers.Local/bin/Debug/net10.0/Workers.Local.dll"), "up", "--api-port", apiPort.ToString(CultureInfo.InvariantCulture), "--sfn-port", sfnPort.ToString(CultureInfo.InvariantCulture) })
{
    startInfo.ArgumentList.Add(argument);
}

var reportPattern = new Regex(@"^\[(?<function>[^\]]+)\] REPORT RequestId: \S+\tDuration: (?<ms>[0-9.]+) ms", RegexOptions.Compiled);
var runTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
var coldStarts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
var clock = Stopwatch.StartNew();
using var up = Process.Start(startInfo)!;
var ready = new TaskCompletionSource();
up.OutputDataReceived += (_, line) =>
{
    if (line.Data is not { } text)
    {
        return;
    }

    if (text.StartsWith("Local cloud ready", StringComparison.Ordinal))
    {
        ready.TrySetResult();
    }
    else if (reportPattern.Match(text) is { Success: true } report)
    {
        var function = report.Groups["function"].Value;
        runTimes.GetOrAdd(function, _ => []).Add(double.Parse(report.Groups["ms"].Value, CultureInfo.InvariantCulture));
        if (text.Contains("Init Duration", StringComparison.Ordinal))
        {
            coldStarts.AddOrUpdate(function, 1, (_, count) => count + 1);
        }
    }
};
up.ErrorDataReceived += (_, _) => { };
up.BeginOutputReadLine();
up.BeginErrorReadLine();
await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
var readySeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"start to ready: {readySeconds:0.00} s (target 5 s), load average {LoadAverage()}");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
using var sfn = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{sfnPort}") };
var latencies = new ConcurrentBag<double>();
var postLatencies = new ConcurrentBag<double>();
var failures = new ConcurrentBag<string>();
var failureCauses = new ConcurrentDictionary<string, (int Count, string Sample)>(StringComparer.Ordinal);
var stateTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
var sequence = 0;
var warmUpFailures = 0;
if (warmUpSeconds > 0)
{
    // Steady-state numbers: the same load first warms every function process (cold starts, JIT tiering), unmeasured.
    var warmUp = Stopwatch.StartNew();
    var warmUpOrders = await PostAtRateAsync(warmUpSeconds);
    await Task.WhenAll(warmUpOrders);
    warmUpFailures = failures.Count;
    Console.WriteLine($"warm-up: {warmUpOrders.Count} orders in {warmUp.Elapsed.TotalSeconds:0.0} s, failed: {warmUpFailures}");
    foreach (var bag in new[] { latencies, postLatencies })
    {
        bag.Clear();
    }

    failures.Clear();
    failureCauses.Clear();
    stateTimes.Clear();
}

var loadAtStart = LoadAverage();
var cpuAtStart = CpuByComponent(up.Id);
var machineAtStart = MachineBusySeconds();
runTimes.Clear();
coldStarts.Clear();
var load = Stopwatch.StartNew();
var orders = await PostAtRateAsync(seconds);
var loadAtEndOfPosting = LoadAverage();
await Task.WhenAll(orders);
var total = load.Elapsed.TotalSeconds;
var cpuAtEnd = CpuByComponent(up.Id);
var machineBusy = MachineBusySeconds() - machineAtStart;
var sorted = latencies.Order().ToArray();
Console.WriteLine($"load average: {loadAtStart} at start, {loadAtEndOfPosting} when posting ended, {LoadAverage()} at the end");
Console.WriteLine($"orders: {orders.Count} at {rate}/s for {seconds} s; {latencies.Count} fulfilled in {total:0.0} s = {latencies.Count / total:0.0} fulfilled/s (target 50), failed: {failures.Count}");
if (sorted.Length > 0)
{
    Console.WriteLine($"POST to FULFILLED: p50 {Percentile(sorted, 50):0} ms, p99 {Percentile(sorted, 99):0} ms (target p50 150 ms)");
}

if (!postLatencies.IsEmpty)
{
    var posts = postLatencies.Order().ToArray();
    Console.WriteLine($"POST /orders answered (HTTP API, Orders.Api, StartExecution): p50 {Percentile(posts, 50):0} ms, p99 {Percentile(posts, 99):0} ms");
}

Console.WriteLine("saga state, entered to exited (every 10th fulfilled order): mean / p50 / p99 ms");
foreach (var (state, times) in stateTimes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
{
    var values = times.Order().ToArray();
    Console.WriteLine($"  {state,-24} {values.Average(),8:0.0} {Percentile(values, 50),8:0.0} {Percentile(values, 99),8:0.0}  (n={values.Length})");
}

Console.WriteLine("function run time from its REPORT lines (dispatch to answer): mean / p50 / p99 ms, cold starts");
foreach (var (function, times) in runTimes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
{
    var values = times.Order().ToArray();
    Console.WriteLine($"  {function,-44} {values.Average(),8:0.0} {Percentile(values, 50),8:0.0} {Percentile(values, 99),8:0.0}  (n={values.Length}, cold {coldStarts.GetValueOrDefault(function)})");
}

// CPU time is what a loaded machine cannot hide: the latency above depends on what else runs, this does not.
var cpuUsed = cpuAtEnd.Select(pair => (Component: pair.Key, Seconds: pair.Value - cpuAtStart.GetValueOrDefault(pair.Key))).OrderByDescending(pair => pair.Seconds).ToList();
var upSeconds = cpuUsed.Sum(pair => pair.Seconds);
Console.WriteLine($"CPU per order (ms), up and its child processes: {upSeconds * 1000 / orders.Count:0.0} of the machine's {machineBusy * 1000 / orders.Count:0.0} busy ({Environment.ProcessorCount} cores)");
foreach (var (component, used) in cpuUsed.Where(pair => pair.Seconds > 0))
{
    Console.WriteLine($"  {component,-44} {used * 1000 / orders.Count,8:0.00}");
}

foreach (var (cause, (count, sample)) in failureCauses.OrderByDescending(pair => pair.Value.Count))
{
    Console.WriteLine($"  task failure in a failed order, {cause}: {count}, e.g. {sample}");
}

foreach (var failure in failures.Take(5))
{
    Console.WriteLine($"  failed: {failure}");
}

using (var kill = Process.Start("kill", ["-TERM", up.Id.ToString(CultureInfo.InvariantCulture)]))
{
    await kill.WaitForExitAsync();
}

await up.WaitForExitAsync();
return failures.IsEmpty && warmUpFailures == 0 ? 0 : 1;

async Task<List<Task>> PostAtRateAsync(int duration)
{
    var posted = new List<Task>();
    var elapsed = Stopwatch.StartNew();
    using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));

    // SKU-1..9 hold 1000 units each: one unit per order, cycled, keeps 9,000 orders in stock.
    while (elapsed.Elapsed < TimeSpan.FromSeconds(duration) && await tick.WaitForNextTickAsync())
    {
        posted.Add(OrderAsync($"bench-{Environment.ProcessId}-{sequence}", $"SKU-{sequence % 9 + 1}", sequence));
        sequence++;
    }

    return posted;
}

async Task OrderAsync(string orderId, string sku, int sequence)
{
    var postedAt = DateTimeOffset.UtcNow;
    try
    {
        using var post = await http.PostAsJsonAsync("/orders", new { orderId, customerId = orderId, items = new[] { new { sku, quantity = 1, unitPrice = 1m } }, currency = "EUR", paymentToken = "tok_visa" });
        postLatencies.Add((DateTimeOffset.UtcNow - postedAt).TotalMilliseconds);
        if (post.StatusCode != HttpStatusCode.Accepted)
        {
            failures.Add($"{orderId}: POST {(int)post.StatusCode} {await post.Content.ReadAsStringAsync()}");
            return;
        }

        // The saga's end is read from the Step Functions API (its stopDate), not by polling GET /orders: polling every
        // order through the HTTP API would load the functions many times more than the orders themselves do.
        var executionArn = (string)(await post.Content.ReadFromJsonAsync<JsonObject>())!["executionArn"]!;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        for (var poll = 1; Stopwatch.GetTimestamp() < deadline; poll++)
        {
            var execution = await StepFunctionsAsync("DescribeExecution", $$"""{"executionArn":"{{executionArn}}"}""");
            if ((string?)execution["status"] is "RUNNING")
            {
                // The latency comes from the execution's stopDate, so polling slowly costs no accuracy; polling every
                // in-flight order fast would load the Step Functions API more than the orders do, worst when they queue.
                await Task.Delay(Math.Min(2000, 100 * poll));
                continue;
            }

            var order = await http.GetFromJsonAsync<JsonObject>($"/orders/{orderId}");
            var status = (string?)order?["status"];
            if (status == "FULFILLED")
            {
                var stop = DateTimeOffset.FromUnixTimeMilliseconds((long)((double)execution["stopDate"]! * 1000));
                latencies.Add((stop - postedAt).TotalMilliseconds);
                if (sequence % 10 == 0)
                {
                    await RecordStateTimesAsync(executionArn);
                }
            }
            else
            {
                failures.Add($"{orderId}: {status}");
                await RecordFailureAsync(executionArn);
            }

            return;
        }

        failures.Add($"{orderId}: not final after 120 s");
    }
    catch (HttpRequestException e)
    {
        failures.Add($"{orderId}: {e.Message}");
    }
}

async Task<JsonObject> StepFunctionsAsync(string action, string body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body) };
    request.Headers.Add("X-Amz-Target", $"AWSStepFunctions.{action}");
    request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
    using var response = await sfn.SendAsync(request);
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}

async Task<JsonArray> HistoryAsync(string executionArn) =>
    (JsonArray)(await StepFunctionsAsync("GetExecutionHistory", $$"""{"executionArn":"{{executionArn}}","maxResults":1000,"includeExecutionData":false}"""))["events"]!;

async Task RecordStateTimesAsync(string executionArn)
{
    var entered = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var item in await HistoryAsync(executionArn))
    {
        var type = (string)item!["type"]!;
        var at = (double)item["timestamp"]!;
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            entered[(string)item["stateEnteredEventDetails"]!["name"]!] = at;
        }
        else if (type.EndsWith("StateExited", StringComparison.Ordinal) && (string?)item["stateExitedEventDetails"]?["name"] is { } name && entered.TryGetValue(name, out var start))
        {
            stateTimes.GetOrAdd(name, _ => []).Add((at - start) * 1000);
        }
    }
}

async Task RecordFailureAsync(string executionArn)
{
    var state = "?";
    foreach (var item in await HistoryAsync(executionArn))
    {
        var type = (string)item!["type"]!;
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            state = (string)item["stateEnteredEventDetails"]!["name"]!;
        }
        else if (type is "TaskFailed" or "TaskTimedOut" or "LambdaFunctionFailed" or "LambdaFunctionTimedOut")
        {
            var details = item.AsObject().First(member => member.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Value!;
            var key = $"{state} {type} {(string?)details["error"]}";
            var sample = ((string?)details["cause"] ?? "")[..Math.Min(200, ((string?)details["cause"] ?? "").Length)];
            failureCauses.AddOrUpdate(key, (1, sample), (_, old) => (old.Count + 1, old.Sample));
        }
    }
}

// CPU seconds (user + system) of `up` and every process under it, by what each is: dynalite, s3rver, a function (by
// its AWS_LAMBDA_FUNCTION_NAME, summed over its processes) or `up` itself. Read from /proc; Linux only.
static Dictionary<string, double> CpuByComponent(int rootId)
{
    var parents = new Dictionary<int, int>();
    var seconds = new Dictionary<int, double>();
    foreach (var directory in Directory.EnumerateDirectories("/proc"))
    {
        if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Read($"{directory}/stat") is { } stat)
        {
            // "id (comm) state ppid ... utime stime ...": fields after the last ')' start at state (field 3).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            seconds[id] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
    }

    var byComponent = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var (id, used) in seconds)
    {
        var ancestor = id;
        while (ancestor != rootId && parents.TryGetValue(ancestor, out var parent) && parent > 1)
        {
            ancestor = parent;
        }

        if (ancestor == rootId)
        {
            var name = ComponentOf(id, rootId);
            byComponent[name] = byComponent.GetValueOrDefault(name) + used;
        }
    }

    return byComponent;
}

static string ComponentOf(int id, int rootId)
{
    if (id == rootId)
    {
        return "up (engine, emulator, HTTP and Step Functions APIs)";
    }

    var commandLine = Read($"/proc/{id}/cmdline") ?? "";
    return commandLine.Contains("dynalite", StringComparison.Ordinal) ? "dynalite"
        : commandLine.Contains("s3rver", StringComparison.Ordinal) ? "s3rver"
        : (Read($"/proc/{id}/environ") ?? "").Split('\0').FirstOrDefault(variable => variable.StartsWith("AWS_LAMBDA_FUNCTION_NAME=", StringComparison.Ordinal))?.Split('=')[1]
            ?? commandLine.Replace('\0', ' ').Trim();
}

static double MachineBusySeconds()
{
    // The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ..." in 1/100 s.
    var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
    return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100.0;
}

static string? Read(string path)
{
    try
    {
        return File.ReadAllText(path);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        return null;
    }
}

static double Percentile(double[] sorted, int percent) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percent / 100)];

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Workers.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Workers.sln not found");
}
