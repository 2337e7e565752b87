using System.Text.Json.Nodes;

namespace Local.Tests.Api;

/// <summary>
/// The real AWS CLI against the test server: Debian's <c>/usr/bin/aws</c> (v2) and pip's <c>aws</c> (v1) from PATH.
/// Only pip's honours AWS_DISABLE_HOST_PREFIX_INJECTION, which StartSyncExecution's <c>sync-</c> host prefix needs
/// on a loopback endpoint.
/// </summary>
internal static class AwsCli
{
    public const string Debian = "/usr/bin/aws";

    /// <summary>The first <c>aws</c> on PATH that is not Debian's (pip's aws-cli v1 here).</summary>
    public static string Pip { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, "aws"))
            .FirstOrDefault(path => File.Exists(path) && path != Debian)
        ?? throw new InvalidOperationException("No aws CLI other than /usr/bin/aws on PATH: install aws-cli v1 with pip to run the host-prefix tests.");

    public static Task<CliResult> RunAsync(TestServer server, params string[] args) => RunAsync(Debian, server, args);

    public static Task<CliResult> RunAsync(string executable, TestServer server, params string[] args) => RunAsync(executable, server.Endpoint, args);

    /// <summary>Runs <c>aws stepfunctions ...</c> against any Step Functions endpoint (a running <c>up</c>, for instance).</summary>
    public static async Task<CliResult> RunAsync(string executable, string endpoint, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "dummy",
            ["AWS_SECRET_ACCESS_KEY"] = "dummy",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_PAGER"] = string.Empty,
            ["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true",
        };
        var result = await ProcessRunner.RunAsync(
            executable,
            ["stepfunctions", .. args, "--endpoint-url", endpoint, "--output", "json"],
            environment);
        return new CliResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}

/// <summary>One CLI run: exit code, output JSON and error text.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException($"No JSON output; stderr: {Stderr}");
}
