using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Local.Tests.Up;

/// <summary>The <c>invoke</c> verb and the ways <c>up</c> refuses to start, through the real command line.</summary>
public sealed class UpCommandLineTests
{
    [Fact]
    public async Task Invoke_SampleEvent_PrintsTheResponseOnly()
    {
        var result = await UpProcess.CommandAsync(null, "invoke", "ValidateOrderFunction", "--event", "events/ValidateOrderFunction.json");

        var response = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("o-1001", (string?)response["orderId"]);
        Assert.Equal(50m, (decimal?)response["amount"]);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_PrintsErrorDocumentAndExits1()
    {
        var eventFile = Path.Combine(Path.GetTempPath(), $"invoke-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, """{"orderId":"o-bad","customerId":"c-1","items":[],"currency":"EUR","paymentToken":"tok_visa"}""");

        var result = await UpProcess.CommandAsync(null, "invoke", "ValidateOrderFunction", "--event", eventFile);

        var error = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("InvalidOrderException", (string?)error["errorType"]);
        Assert.Equal("items must hold at least one line", (string?)error["errorMessage"]);
    }

    [Fact]
    public async Task Invoke_UnknownLogicalId_NamesTheTemplateFunctions()
    {
        var result = await UpProcess.CommandAsync(null, "invoke", "NoSuchFunction", "--event", "events/ValidateOrderFunction.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("invoke: no function 'NoSuchFunction' in template.yaml; functions: CreateOrderFunction,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_ApiPortInUse_ExitsWithOneLineCause()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await UpProcess.CommandAsync(null, "up", "--api-port", busy, "--sfn-port", UpProcess.FreePort().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"up: port {busy} on 127.0.0.1 is in use; stop what holds it or pass --api-port with a free port.", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Up_PortTakenOnceStarted_ExitsWithOneLineCauseAndLeavesNothingRunning()
    {
        var marker = $"UP_TEST_RUN_{Guid.NewGuid():N}";
        var port = UpProcess.FreePort().ToString(CultureInfo.InvariantCulture);

        var result = await UpProcess.CommandAsync(new Dictionary<string, string> { [marker] = "1" }, "up", "--api-port", port, "--sfn-port", port);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(UpProcess.ProcessesWithVariable(marker));
    }
}
