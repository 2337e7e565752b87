using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

// Starts the already built `up` as a real process on free ports, times start-to-ready, then posts orders at a steady
// rate for a bounded time and follows each one to its final status over loopback.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var root = FindRoot();
var apiPort = FreePort();
var sfnPort = FreePort();
var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
foreach (var argument in new[] { Path.Combine(root, "local/Workers.Local/bin/Debug/net10.0/Workers.Local.dll"), "up", "--api-port", apiPort.ToString(CultureInfo.InvariantCulture), "--sfn-port", sfnPort.ToString(CultureInfo.InvariantCulture) })
{
    startInfo.ArgumentList.Add(argument);
}

var clock = Stopwatch.StartNew();
using var up = Process.Start(startInfo)!;
var ready = new TaskCompletionSource();
up.OutputDataReceived += (_, line) =>
{
    if (line.Data?.StartsWith("Local cloud ready", StringComparison.Ordinal) == true)
    {
        ready.TrySetResult();
    }
};
up.ErrorDataReceived += (_, _) => { };
up.BeginOutputReadLine();
up.BeginErrorReadLine();
await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
var readySeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"start to ready: {readySeconds:0.00} s (target 5 s)");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
using var sfn = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{sfnPort}") };
var latencies = new ConcurrentBag<double>();
var failures = new ConcurrentBag<string>();
var orders = new List<Task>();
var load = Stopwatch.StartNew();
var interval = TimeSpan.FromSeconds(1.0 / rate);
using (var tick = new PeriodicTimer(interval))
{
    // SKU-1..9 hold 1000 units each: one unit per order, cycled, keeps 3,000 orders in stock.
    var sequence = 0;
    while (load.Elapsed < TimeSpan.FromSeconds(seconds) && await tick.WaitForNextTickAsync())
    {
        orders.Add(OrderAsync($"bench-{Environment.ProcessId}-{sequence}", $"SKU-{sequence % 9 + 1}"));
        sequence++;
    }
}

await Task.WhenAll(orders);
var total = load.Elapsed.TotalSeconds;
var sorted = latencies.Order().ToArray();
Console.WriteLine($"orders: {orders.Count} in {total:0.0} s = {latencies.Count / total:0.0} fulfilled/s (target 50), failed: {failures.Count}");
if (sorted.Length > 0)
{
    Console.WriteLine($"POST to FULFILLED: p50 {sorted[sorted.Length / 2]:0} ms, p99 {sorted[Math.Min(sorted.Length - 1, sorted.Length * 99 / 100)]:0} ms (target p50 150 ms)");
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
return failures.IsEmpty ? 0 : 1;

async Task OrderAsync(string orderId, string sku)
{
    var postedAt = DateTimeOffset.UtcNow;
    try
    {
        using var post = await http.PostAsJsonAsync("/orders", new { orderId, customerId = orderId, items = new[] { new { sku, quantity = 1, unitPrice = 1m } }, currency = "EUR", paymentToken = "tok_visa" });
        if (post.StatusCode != HttpStatusCode.Accepted)
        {
            failures.Add($"{orderId}: POST {(int)post.StatusCode}");
            return;
        }

        // The saga's end is read from the Step Functions API (its stopDate), not by polling GET /orders: polling every
        // order through the HTTP API would load the functions many times more than the orders themselves do.
        var executionArn = (string)(await post.Content.ReadFromJsonAsync<JsonObject>())!["executionArn"]!;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent($$"""{"executionArn":"{{executionArn}}"}""") };
            request.Headers.Add("X-Amz-Target", "AWSStepFunctions.DescribeExecution");
            request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
            using var described = await sfn.SendAsync(request);
            var execution = (await described.Content.ReadFromJsonAsync<JsonObject>())!;
            if ((string?)execution["status"] is "RUNNING")
            {
                await Task.Delay(25);
                continue;
            }

            var order = await http.GetFromJsonAsync<JsonObject>($"/orders/{orderId}");
            var status = (string?)order?["status"];
            if (status == "FULFILLED")
            {
                var stop = DateTimeOffset.FromUnixTimeMilliseconds((long)((double)execution["stopDate"]! * 1000));
                latencies.Add((stop - postedAt).TotalMilliseconds);
            }
            else
            {
                failures.Add($"{orderId}: {status}");
            }

            return;
        }

        failures.Add($"{orderId}: not final after 60 s");
    }
    catch (HttpRequestException e)
    {
        failures.Add($"{orderId}: {e.Message}");
    }
}

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
