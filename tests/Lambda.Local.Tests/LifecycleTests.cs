using System.Text;
using System.Text.Json;

namespace Lambda.Local.Tests;

/// <summary>Process lifecycle through the in-process API: cold and warm starts, timeouts, crashes, init errors, shutdown.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly RecordingLogSink _sink = new();
    private LambdaEmulator _emulator = null!;

    public Task InitializeAsync()
    {
        _emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = _sink });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_TwiceInARow_ColdStartsOnceThenReusesTheWarmProcess()
    {
        _emulator.Register(TestFunction.Define("echo", "echo"));

        var cold = await _emulator.InvokeAsync("echo", """{"n":1}"""u8.ToArray());
        var warm = await _emulator.InvokeAsync("echo", """{"n":2}"""u8.ToArray());

        Assert.Equal("""{"n":2}""", Encoding.UTF8.GetString(warm.Payload.Span));
        Assert.NotNull(cold.Metrics!.InitDuration);
        Assert.Null(warm.Metrics!.InitDuration);
        Assert.Equal(cold.Metrics.ProcessId, warm.Metrics.ProcessId);
    }

    [Fact]
    public async Task InvokeAsync_FunctionRunsPastTimeout_KillsProcessAndReturnsSandboxTimedout()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { Timeout = TimeSpan.FromSeconds(1) });

        var result = await _emulator.InvokeAsync("sleep", """{"milliseconds":60000}"""u8.ToArray());
        using var error = JsonDocument.Parse(result.Payload);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Sandbox.Timedout", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("Sandbox.Timedout", result.ErrorType);
        Assert.Equal($"RequestId: {result.RequestId} Error: Task timed out after 1.00 seconds", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.False(TestFunction.IsRunning(result.Metrics!.ProcessId!.Value));
    }

    [Fact]
    public async Task InvokeAsync_AfterTimeout_RunsInANewProcess()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { Timeout = TimeSpan.FromSeconds(1) });
        var timedOut = await _emulator.InvokeAsync("sleep", """{"milliseconds":60000}"""u8.ToArray());

        var next = await _emulator.InvokeAsync("sleep", """{"milliseconds":0}"""u8.ToArray());
        using var output = JsonDocument.Parse(next.Payload);

        Assert.Null(next.FunctionError);
        Assert.Equal(next.Metrics!.ProcessId, output.RootElement.GetProperty("processId").GetInt32());
        Assert.NotEqual(timedOut.Metrics!.ProcessId, next.Metrics.ProcessId);
    }

    [Fact]
    public async Task InvokeAsync_ProcessExitsMidInvocation_ReturnsRuntimeExitError()
    {
        _emulator.Register(TestFunction.Define("crash", "crash"));

        var result = await _emulator.InvokeAsync("crash", """{"exitCode":3}"""u8.ToArray());
        using var error = JsonDocument.Parse(result.Payload);

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Runtime.ExitError", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal($"RequestId: {result.RequestId} Error: Runtime exited with error: exit status 3", error.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task InvokeAsync_AfterCrash_StartsAFreshProcess()
    {
        _emulator.Register(TestFunction.Define("crash", "crash"));
        var crashed = await _emulator.InvokeAsync("crash", """{"exitCode":3}"""u8.ToArray());

        var next = await _emulator.InvokeAsync("crash", """{"exitCode":null}"""u8.ToArray());

        Assert.Null(next.FunctionError);
        Assert.NotNull(next.Metrics!.InitDuration);
        Assert.NotEqual(crashed.Metrics!.ProcessId, next.Metrics.ProcessId);
    }

    [Fact]
    public async Task InvokeAsync_InitFails_ReturnsTheFunctionsInitErrorDocument()
    {
        _emulator.Register(TestFunction.Define("misconfigured", "no-such-handler"));

        var result = await _emulator.InvokeAsync("misconfigured", "{}"u8.ToArray());
        using var error = JsonDocument.Parse(result.Payload);

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("UnknownHandlerException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("no-such-handler", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CommandMissing_ReturnsRuntimeInvalidEntrypoint()
    {
        _emulator.Register(new FunctionDefinition("absent", "/nonexistent/bootstrap"));

        var result = await _emulator.InvokeAsync("absent", "{}"u8.ToArray());
        using var error = JsonDocument.Parse(result.Payload);

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Runtime.InvalidEntrypoint", error.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task InvokeAsync_ProcessNeverAsksForAnEvent_TimesOutAfterInitLimitPlusFunctionTimeoutAndKillsIt()
    {
        await using var emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = _sink, InitTimeout = TimeSpan.FromSeconds(1) });
        emulator.Register(new FunctionDefinition("stuck", "sleep") { Arguments = ["600"], Timeout = TimeSpan.FromSeconds(1) });

        var result = await emulator.InvokeAsync("stuck", "{}"u8.ToArray());
        using var error = JsonDocument.Parse(result.Payload);

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Sandbox.Timedout", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal($"RequestId: {result.RequestId} Error: Task timed out after 1.00 seconds", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.False(TestFunction.IsRunning(result.Metrics!.ProcessId!.Value));
    }

    [Fact]
    public async Task InvokeAsync_InitOverrunsItsLimitButFitsTheFunctionTimeout_Succeeds()
    {
        await using var emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = _sink, InitTimeout = TimeSpan.FromSeconds(1) });
        var echo = TestFunction.Define("slow-init", "echo");
        emulator.Register(echo with { Command = "sh", Arguments = ["-c", $"sleep 2 && exec dotnet '{TestFunction.AssemblyPath}'"] });

        var result = await emulator.InvokeAsync("slow-init", """{"n":1}"""u8.ToArray());

        Assert.Null(result.FunctionError);
        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task InvokeAsync_ParallelInvocations_StartOneProcessEachThenReuseThemWarm()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 3 });
        var hold = """{"milliseconds":1500}"""u8.ToArray();

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _emulator.InvokeAsync("sleep", hold)));
        var second = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _emulator.InvokeAsync("sleep", hold)));

        var firstProcesses = first.Select(result => result.Metrics!.ProcessId).ToHashSet();
        Assert.Equal(3, firstProcesses.Count);
        Assert.Equal(firstProcesses, second.Select(result => result.Metrics!.ProcessId).ToHashSet());
        Assert.All(second, result => Assert.Null(result.Metrics!.InitDuration));
    }

    [Fact]
    public async Task InvokeAsync_MoreInvocationsThanProcesses_QueuesThemOnTheBusyProcess()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 1 });
        var hold = """{"milliseconds":300}"""u8.ToArray();

        var results = await Task.WhenAll(_emulator.InvokeAsync("sleep", hold), _emulator.InvokeAsync("sleep", hold));

        Assert.All(results, result => Assert.Null(result.FunctionError));
        Assert.Single(results.Select(result => result.Metrics!.ProcessId).Distinct());
    }

    [Fact]
    public async Task InvokeAsync_BurstOfHundredsOnOneProcess_RunsEveryInvocationInsteadOfThrottling()
    {
        _emulator.Register(TestFunction.Define("echo", "echo") with { MaxConcurrency = 1 });

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(n => _emulator.InvokeAsync("echo", Encoding.UTF8.GetBytes($$"""{"n":{{n}}}"""))));

        Assert.All(results, result => Assert.Null(result.FunctionError));
    }

    [Fact]
    public async Task InvokeAsync_QueuedLongerThanTheFunctionTimeout_SucceedsBecauseTheTimeoutStartsWhenTheFunctionGetsTheEvent()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 1, Timeout = TimeSpan.FromSeconds(2) });
        var hold = """{"milliseconds":1200}"""u8.ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _emulator.InvokeAsync("sleep", hold)));

        Assert.All(results, result => Assert.Null(result.FunctionError));
    }

    [Fact]
    public async Task InvokeAsync_AllProcessesBusyAndQueueFull_ThrowsTooManyRequests()
    {
        await using var emulator = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = _sink, MaxQueuedInvocations = 0 });
        emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 1 });
        var busy = emulator.InvokeAsync("sleep", """{"milliseconds":2000}"""u8.ToArray());

        var throttled = await Assert.ThrowsAsync<LambdaServiceException>(() => emulator.InvokeAsync("sleep", """{"milliseconds":0}"""u8.ToArray()));

        Assert.Equal("TooManyRequestsException", throttled.ErrorCode);
        Assert.Equal(429, throttled.StatusCode);
        Assert.Null((await busy).FunctionError);
    }

    [Fact]
    public async Task InvokeAsync_ResponseOverQuota_FailsThatInvocationButKeepsTheProcess()
    {
        _emulator.Register(TestFunction.Define("large", "large"));

        var tooLarge = await _emulator.InvokeAsync("large", """{"length":7000000}"""u8.ToArray());
        var small = await _emulator.InvokeAsync("large", """{"length":3}"""u8.ToArray());
        using var error = JsonDocument.Parse(tooLarge.Payload);

        Assert.Equal("Unhandled", tooLarge.FunctionError);
        Assert.Equal("Function.ResponseSizeTooLarge", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("\"xxx\"", Encoding.UTF8.GetString(small.Payload.Span));
        Assert.Equal(tooLarge.Metrics!.ProcessId, small.Metrics!.ProcessId);
    }

    [Fact]
    public async Task InvokeAsync_FunctionOutput_GoesToTheLogSinkUnderTheFunctionName()
    {
        _emulator.Register(TestFunction.Define("echo", "echo"));

        var result = await _emulator.InvokeAsync("echo", "{}"u8.ToArray());

        Assert.Contains(_sink.Lines, line => line.StartsWith("[echo] {", StringComparison.Ordinal) && line.Contains($"echo {result.RequestId}", StringComparison.Ordinal));
        Assert.Contains($"[echo] START RequestId: {result.RequestId} Version: $LATEST", _sink.Lines);
    }

    [Fact]
    public async Task DisposeAsync_WithWarmProcesses_LeavesNoFunctionProcessRunning()
    {
        _emulator.Register(TestFunction.Define("sleep", "sleep") with { MaxConcurrency = 2 });
        var hold = """{"milliseconds":500}"""u8.ToArray();
        var results = await Task.WhenAll(_emulator.InvokeAsync("sleep", hold), _emulator.InvokeAsync("sleep", hold));

        await _emulator.DisposeAsync();

        Assert.All(results, result => Assert.False(TestFunction.IsRunning(result.Metrics!.ProcessId!.Value)));
    }

    [Fact]
    public async Task DisposeAsync_DuringAnInvocation_KillsTheProcessAndFailsTheCallWithServiceException()
    {
        _emulator.Register(TestFunction.Define("echo", "echo"));
        _emulator.Register(TestFunction.Define("sleep", "sleep"));
        var warm = await _emulator.InvokeAsync("sleep", """{"milliseconds":0}"""u8.ToArray());
        var running = _emulator.InvokeAsync("sleep", """{"milliseconds":60000}"""u8.ToArray());
        await _sink.WaitForLineAsync("[sleep] START RequestId", occurrence: 2);

        await _emulator.DisposeAsync();

        var failure = await Assert.ThrowsAsync<LambdaServiceException>(() => running);
        Assert.Equal("ServiceException", failure.ErrorCode);
        Assert.False(TestFunction.IsRunning(warm.Metrics!.ProcessId!.Value));
    }

    [Fact]
    public void Register_ReservedEnvironmentVariable_ThrowsNamingIt()
    {
        var function = TestFunction.Define("echo", "echo") with { Environment = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" } };

        var error = Assert.Throws<ArgumentException>(() => _emulator.Register(function));

        Assert.Contains("Reserved keys used in this request: AWS_REGION", error.Message, StringComparison.Ordinal);
    }
}
