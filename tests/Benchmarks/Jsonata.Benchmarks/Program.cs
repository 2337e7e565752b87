using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Jsonata;
using Jsonata.Benchmarks;

// Evaluations per second of local/Jsonata next to the reference npm package, for a few typical expressions.
const int DurationMs = 1000;
const int Rounds = 3;

var folder = FindFolder();
var items = new JsonArray();
for (var i = 0; i < 1000; i++)
{
    items.Add(new JsonObject { ["id"] = i, ["price"] = i % 25, ["qty"] = (i % 7) + 1, ["name"] = "item " + i });
}

var order = JsonNode.Parse("""
    {"order": {"id": "o-1", "customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
     "total": 120.5, "currency": "EUR", "lines": [{"sku": "a", "qty": 1}, {"sku": "b", "qty": 2}]}}
    """)!;
var cases = new List<BenchmarkCase>
{
    new("payload template (5 fields)", "{\"orderId\": order.id, \"name\": order.customer.name, \"email\": order.customer.email, \"amount\": order.total, \"currency\": order.currency}", order),
    new("filter + sum over 1,000 items", "$sum(items[price > 10].(price * qty))", new JsonObject { ["items"] = items }),
    new("string transform", "$uppercase($substringBefore(name, \" \")) & \"-\" & $string(id)", new JsonObject { ["name"] = "Ada Lovelace", ["id"] = 42 }),
};

// The machine is shared, so the two sides are measured in alternating rounds and each keeps its best round.
var ours = cases.ToDictionary(c => c.Name, _ => 0.0);
var peer = cases.ToDictionary(c => c.Name, _ => 0.0);
for (var round = 0; round < Rounds; round++)
{
    foreach (var c in cases)
    {
        ours[c.Name] = Math.Max(ours[c.Name], Measure(c));
    }

    try
    {
        foreach (var kv in await NodePeer.MeasureAsync(folder, cases, DurationMs, CancellationToken.None))
        {
            peer[kv.Key] = Math.Max(peer[kv.Key], kv.Value);
        }
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
    {
        Console.Error.WriteLine("The npm jsonata peer could not run: " + e.Message);
        break;
    }
}

Console.WriteLine($"{"expression",-32} {"ours/s",14} {"jsonata/s",14} {"ratio",8}");
foreach (var c in cases)
{
    var theirs = peer[c.Name];
    var ratio = theirs > 0 ? (ours[c.Name] / theirs).ToString("F1", CultureInfo.InvariantCulture) + "x" : "n/a";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Name,-32} {ours[c.Name],14:N0} {theirs,14:N0} {ratio,8}"));
}

static double Measure(BenchmarkCase c)
{
    var expression = JsonataExpression.Compile(c.Expression);
    for (var i = 0; i < 2000; i++)
    {
        expression.Evaluate(c.Input);
    }

    var count = 0L;
    var watch = Stopwatch.StartNew();
    while (watch.ElapsedMilliseconds < DurationMs)
    {
        for (var i = 0; i < 100; i++)
        {
            expression.Evaluate(c.Input);
        }

        count += 100;
    }

    return count / watch.Elapsed.TotalSeconds;
}

static string FindFolder()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "peer.js")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new DirectoryNotFoundException("peer.js not found above " + AppContext.BaseDirectory);
}
