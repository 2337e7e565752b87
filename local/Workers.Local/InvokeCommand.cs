using System.Text;
using Lambda.Local;
using Template;

namespace Workers.Local;

/// <summary>
/// <c>invoke LOGICAL_ID --event FILE</c>, as <c>sam local invoke -e</c>: builds the function's project if needed, runs
/// it as a real process with its template environment and prints its response; a function error prints the error
/// document and exits 1. The host's <c>AWS_ENDPOINT_URL_*</c> variables reach the function, so it can talk to a
/// running <c>up</c>'s services.
/// </summary>
internal static class InvokeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        LocalSettings settings;
        string logicalId;
        string eventPath;
        try
        {
            var line = CommandLine.Parse("invoke", args);
            settings = LocalSettings.From(line);
            eventPath = line.Value("event") ?? throw new UsageException("invoke: --event FILE is required.");
            line.RejectUnknown();
            logicalId = line.Positional is [var id] ? id : throw new UsageException("invoke: give one LOGICAL_ID of a function in the template.");
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return 2;
        }

        try
        {
            var template = await settings.LoadTemplateAsync(CancellationToken.None).ConfigureAwait(false);
            var function = template.Functions.FirstOrDefault(f => f.LogicalId == logicalId)
                ?? throw new LocalCloudException($"no function '{logicalId}' in {settings.TemplatePath}; functions: {string.Join(", ", template.Functions.Select(f => f.LogicalId))}.");
            var payload = await File.ReadAllBytesAsync(eventPath).ConfigureAwait(false);
            var assemblies = await FunctionBuilds.BuildAsync([function], settings.RootDirectory, stderr, CancellationToken.None).ConfigureAwait(false);
            var endpoints = Environment.GetEnvironmentVariables().Keys.Cast<string>()
                .Where(name => name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal))
                .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name)!, StringComparer.Ordinal);
            await using var lambda = new LambdaEmulator(new LambdaEmulatorOptions { LogSink = new StderrLogSink(stderr) });
            lambda.Register(FunctionBuilds.Definition(function, assemblies[function.LogicalId], endpoints));
            var result = await lambda.InvokeAsync(function.Name, payload).ConfigureAwait(false);
            await stdout.WriteLineAsync(Encoding.UTF8.GetString(result.Payload.Span)).ConfigureAwait(false);
            return result.FunctionError is null ? 0 : 1;
        }
        catch (TemplateException e)
        {
            await stderr.WriteLineAsync(e.Errors.Count > 0 ? string.Join(Environment.NewLine, e.Errors) : $"invoke: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is LocalCloudException or LambdaServiceException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"invoke: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Function logs go to stderr, so stdout holds only the response, as with <c>sam local invoke</c>.</summary>
    private sealed class StderrLogSink(TextWriter stderr) : IFunctionLogSink
    {
        public void WriteLine(string functionName, string line) => stderr.WriteLine($"[{functionName}] {line}");
    }
}
