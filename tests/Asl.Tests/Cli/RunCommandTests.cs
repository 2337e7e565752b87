using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Asl.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("asl-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Workers.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(root, "local", "Workers.Local", "bin", configuration, "net10.0", "Workers.Local.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Run_SucceedingMachine_PrintsStatusAndParsedOutput()
    {
        var file = Write("add.asl.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"s.$":"States.MathAdd($.a, 1)"},"Next":"W"},"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");

        var (exitCode, stdout, _) = await RunAsync("run", file, "--input", """{"a":1}""");

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"status":"SUCCEEDED","output":{"s":2}}""", stdout.Trim());
    }

    [Fact]
    public async Task Run_FailingMachine_PrintsErrorAndCauseWithExitZero()
    {
        var file = Write("fail.asl.json", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Nope","Cause":"because"}}}""");

        var (exitCode, stdout, _) = await RunAsync("run", file, "--input", "{}");

        Assert.Equal((0, """{"status":"FAILED","error":"Nope","cause":"because"}"""), (exitCode, stdout.Trim()));
    }

    [Fact]
    public async Task Run_InputFromFile_IsRead()
    {
        var file = Write("echo.asl.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var input = Write("input.json", """{"from":"file"}""");

        var (_, stdout, _) = await RunAsync("run", file, "--input", "@" + input);

        Assert.Equal("file", JsonNode.Parse(stdout)!["output"]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_InvalidDefinition_ExitsTwoWithAwsMessage()
    {
        var file = Write("bad.asl.json", """{"StartAt":"Nowhere","States":{}}""");

        var (exitCode, stdout, stderr) = await RunAsync("run", file, "--input", "{}");

        Assert.Equal((2, string.Empty), (exitCode, stdout));
        Assert.StartsWith("Invalid State Machine Definition: '", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidInput_ExitsTwoWithAwsMessage()
    {
        var file = Write("echo.asl.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var (exitCode, _, stderr) = await RunAsync("run", file, "--input", "{\"a\":");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Invalid State Machine Execution Input: '", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MockConfigTestCase_AnswersTasksAndNameDefaultsToFileName()
    {
        var file = Write("order-saga.asl.json", """{"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""");
        var mocks = Write("MockConfigFile.json", """
            {"StateMachines":{"order-saga":{"TestCases":{"Happy":{"Charge":"Ok"}}}},
             "MockedResponses":{"Ok":{"0":{"Return":{"charged":true}}}}}
            """);

        var (_, stdout, _) = await RunAsync("run", file, "--input", "{}", "--mock-config", mocks, "--test-case", "Happy");

        Assert.Equal("""{"status":"SUCCEEDED","output":{"charged":true}}""", stdout.Trim());
    }

    [Fact]
    public async Task Run_UnmockedTask_FailsNamingTheResource()
    {
        var file = Write("t.asl.json", """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""");

        var (exitCode, stdout, _) = await RunAsync("run", file, "--input", "{}");

        Assert.Equal(0, exitCode);
        Assert.Contains("arn:aws:states:::sns:publish", JsonNode.Parse(stdout)!["cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitsTwoWithUsage()
    {
        var (exitCode, _, stderr) = await RunAsync("run", "x.asl.json", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }
}
