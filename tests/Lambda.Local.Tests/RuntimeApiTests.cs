using System.Text.Json;

namespace Lambda.Local.Tests;

/// <summary>The Runtime API's answers to a runtime that misuses it, observed from inside a real function process.</summary>
public sealed class RuntimeApiTests : IAsyncLifetime
{
    private readonly LambdaEmulator _emulator = new(new LambdaEmulatorOptions { LogSink = new RecordingLogSink() });

    public Task InitializeAsync()
    {
        _emulator.Register(TestFunction.Define("probe", "probe"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Response_UnknownRequestId_Returns400InvalidRequestId()
    {
        var probe = await ProbeAsync();

        Assert.Equal(400, probe.GetProperty("unknownRequestIdStatus").GetInt32());
        Assert.Equal("""{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}""", probe.GetProperty("unknownRequestIdBody").GetString());
    }

    [Fact]
    public async Task InitError_AfterInitialization_Returns403()
    {
        var probe = await ProbeAsync();

        Assert.Equal(403, probe.GetProperty("initErrorAfterInitStatus").GetInt32());
    }

    [Fact]
    public async Task Next_BeforeAnsweringTheCurrentInvocation_Returns403()
    {
        var probe = await ProbeAsync();

        Assert.Equal(403, probe.GetProperty("nextBeforeAnswerStatus").GetInt32());
    }

    [Fact]
    public async Task UnknownPath_Returns404()
    {
        var probe = await ProbeAsync();

        Assert.Equal(404, probe.GetProperty("unknownPathStatus").GetInt32());
    }

    private async Task<JsonElement> ProbeAsync()
    {
        var result = await _emulator.InvokeAsync("probe", "{}"u8.ToArray());
        Assert.Null(result.FunctionError);
        using var document = JsonDocument.Parse(result.Payload);
        return document.RootElement.Clone();
    }
}
