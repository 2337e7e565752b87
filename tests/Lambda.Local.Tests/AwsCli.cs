using System.Diagnostics;

namespace Lambda.Local.Tests;

/// <summary>Runs the real AWS CLI (v1 or v2, found on PATH) against a local endpoint with throwaway credentials.</summary>
internal static class AwsCli
{
    public static string Path { get; } = FindOnPath("aws")
        ?? throw new InvalidOperationException("The AWS CLI is needed for these tests and was not found on PATH: apt-get install -y awscli.");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["AWS_ACCESS_KEY_ID"] = "test";
        startInfo.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        startInfo.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        startInfo.Environment["AWS_CONFIG_FILE"] = "/nonexistent";
        startInfo.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent";
        startInfo.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        startInfo.Environment["AWS_PAGER"] = "";
        startInfo.Environment.Remove("AWS_PROFILE");

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
