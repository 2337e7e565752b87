using System.Text;
using System.Text.Json;

namespace Lambda.Local.Tests;

/// <summary>
/// A custom runtime that is not .NET: the shell-and-curl bootstrap of AWS's custom runtime tutorial, which builds
/// its URLs as <c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/...</c>.
/// </summary>
public sealed class ShellRuntimeTests : IAsyncLifetime
{
    private const string Bootstrap = """
        #!/bin/sh
        set -eu
        api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
        child=0
        if [ "$_HANDLER" = tree ]; then
          sleep 3600 &
          child=$!
        fi
        while true; do
          headers="$(mktemp)"
          event="$(curl -sS -D "$headers" "$api/invocation/next")"
          id="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | tr -d '\r' | cut -d' ' -f2)"
          rm -f "$headers"
          case "$_HANDLER" in
            fail) curl -sS -o /dev/null -X POST -H 'Lambda-Runtime-Function-Error-Type: Custom.ShellFailure' "$api/invocation/$id/error" ;;
            tree) curl -sS -o /dev/null -X POST --data-binary "{\"child\":$child}" "$api/invocation/$id/response" ;;
            *) echo "stderr says $id" >&2
               curl -sS -o /dev/null -X POST --data-binary "$event" "$api/invocation/$id/response" ;;
          esac
        done
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("lambda-local-shell-").FullName;
    private readonly LambdaEmulator _emulator = new(new LambdaEmulatorOptions { LogSink = new RecordingLogSink() });

    public async Task InitializeAsync()
    {
        var script = Path.Combine(_directory, "bootstrap");
        await File.WriteAllTextAsync(script, Bootstrap.ReplaceLineEndings("\n") + "\n");
        _emulator.Register(new FunctionDefinition("shell-echo", "/bin/sh") { Arguments = [script], WorkingDirectory = _directory, Handler = "echo" });
        _emulator.Register(new FunctionDefinition("shell-fail", "/bin/sh") { Arguments = [script], WorkingDirectory = _directory, Handler = "fail" });
        _emulator.Register(new FunctionDefinition("shell-tree", "/bin/sh") { Arguments = [script], WorkingDirectory = _directory, Handler = "tree" });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task InvokeAsync_ShellRuntimeResponds_ReturnsItsResponse()
    {
        var result = await _emulator.InvokeAsync("shell-echo", """{"from":"shell"}"""u8.ToArray());

        Assert.Null(result.FunctionError);
        Assert.Equal("""{"from":"shell"}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public async Task InvokeAsync_RuntimeWritesToStderr_LineIsInTheLogTail()
    {
        var result = await _emulator.InvokeAsync("shell-echo", "{}"u8.ToArray(), new InvocationOptions { TailLog = true });

        var log = Encoding.UTF8.GetString(Convert.FromBase64String(result.LogResult!));

        Assert.Contains($"START RequestId: {result.RequestId} Version: $LATEST\nstderr says {result.RequestId}\nEND RequestId: {result.RequestId}\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ErrorPostedWithOnlyTheErrorTypeHeader_BuildsTheDocumentFromTheHeader()
    {
        var result = await _emulator.InvokeAsync("shell-fail", "{}"u8.ToArray());

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Custom.ShellFailure", result.ErrorType);
    }

    [Fact]
    public async Task DisposeAsync_RuntimeThatStartedAChild_LeavesNoProcessOfTheTree()
    {
        var result = await _emulator.InvokeAsync("shell-tree", "{}"u8.ToArray());
        using var output = JsonDocument.Parse(result.Payload);
        var child = output.RootElement.GetProperty("child").GetInt32();

        await _emulator.DisposeAsync();

        Assert.False(TestFunction.IsRunning(result.Metrics!.ProcessId!.Value));
        Assert.False(TestFunction.IsRunning(child));
    }
}
