using System.Text.Json;

namespace Lambda.Local.Tests;

/// <summary><c>aws lambda invoke --endpoint-url</c> against the Invoke REST API, as a user would run it.</summary>
public sealed class AwsCliTests(InvokeApiFixture fixture) : IClassFixture<InvokeApiFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambda-local-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task LambdaInvoke_Echo_WritesPayloadAndReportsStatus200()
    {
        var eventFile = Path.Combine(_directory, "event.json");
        var outFile = Path.Combine(_directory, "out.json");
        await File.WriteAllTextAsync(eventFile, """{"orderId":"o-7"}""");

        var (exitCode, output, error) = await AwsCli.RunAsync(
            "lambda", "invoke", "--endpoint-url", fixture.Emulator.InvokeEndpoint.ToString(),
            "--function-name", "echo", "--payload", $"fileb://{eventFile}", outFile);
        using var summary = JsonDocument.Parse(output);

        Assert.True(exitCode == 0, error);
        Assert.Equal(200, summary.RootElement.GetProperty("StatusCode").GetInt32());
        Assert.Equal("$LATEST", summary.RootElement.GetProperty("ExecutedVersion").GetString());
        Assert.Equal("""{"orderId":"o-7"}""", await File.ReadAllTextAsync(outFile));
    }

    [Fact]
    public async Task LambdaInvoke_HandlerThrows_ReportsUnhandledAndWritesTheErrorDocument()
    {
        var outFile = Path.Combine(_directory, "out.json");

        var (exitCode, output, error) = await AwsCli.RunAsync(
            "lambda", "invoke", "--endpoint-url", fixture.Emulator.InvokeEndpoint.ToString(),
            "--function-name", "arn:aws:lambda:us-east-1:123456789012:function:throw", outFile);
        using var summary = JsonDocument.Parse(output);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(outFile));

        Assert.True(exitCode == 0, error);
        Assert.Equal("Unhandled", summary.RootElement.GetProperty("FunctionError").GetString());
        Assert.Equal("PaymentDeclinedException", document.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task LambdaInvoke_LogTypeTail_ReturnsTheLogResult()
    {
        var (exitCode, output, error) = await AwsCli.RunAsync(
            "lambda", "invoke", "--endpoint-url", fixture.Emulator.InvokeEndpoint.ToString(),
            "--function-name", "echo", "--log-type", "Tail", Path.Combine(_directory, "out.json"));
        using var summary = JsonDocument.Parse(output);
        var log = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(summary.RootElement.GetProperty("LogResult").GetString()!));

        Assert.True(exitCode == 0, error);
        Assert.Contains("REPORT RequestId: ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaInvoke_UnknownFunction_FailsWithResourceNotFound()
    {
        var (exitCode, _, error) = await AwsCli.RunAsync(
            "lambda", "invoke", "--endpoint-url", fixture.Emulator.InvokeEndpoint.ToString(),
            "--function-name", "missing", Path.Combine(_directory, "out.json"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(
            "An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing",
            error,
            StringComparison.Ordinal);
    }
}
