using Workers.Lambda;

namespace Workers.Tests;

/// <summary>A <see cref="LambdaApplication"/> running in-process against a <see cref="RuntimeApiStub"/>, with its log captured.</summary>
internal sealed class LambdaRun : IAsyncDisposable
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _shutdown = new();
    private readonly StringWriter _log = new();

    private LambdaRun(LambdaApplication app, LambdaEnvironment environment)
    {
        Completion = Task.Run(() => app.RunAsync(environment, _log, _shutdown.Token));
    }

    /// <summary>The run's exit code once it ends.</summary>
    public Task<int> Completion { get; }

    /// <summary>The JSON log lines written so far.</summary>
    public IReadOnlyList<string> LogLines =>
        _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Starts the app with the stub's address, the handler to run and any further variables.</summary>
    public static LambdaRun Start(LambdaApplication app, RuntimeApiStub api, string? handler, IReadOnlyDictionary<string, string?>? variables = null)
    {
        var all = new Dictionary<string, string?>(variables ?? new Dictionary<string, string?>())
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.HostAndPort,
            [LambdaApplication.HandlerVariable] = handler,
        };
        return new LambdaRun(app, LambdaEnvironment.FromVariables(all));
    }

    /// <summary>
    /// Serves one event (<c>req-1</c>, or none when <paramref name="body"/> is null) to a fresh run and returns the
    /// first POST the runtime made with the log written until then.
    /// </summary>
    public static async Task<InvocationOutcome> InvokeOnceAsync(
        LambdaApplication app,
        string? handler,
        string? body,
        IReadOnlyDictionary<string, string>? headers,
        IReadOnlyDictionary<string, string?> variables)
    {
        await using var api = RuntimeApiStub.Start();
        if (body is not null)
        {
            api.Enqueue("req-1", body, headers);
        }

        await using var run = Start(app, api, handler, variables);
        var post = await api.NextPostAsync();
        return new InvocationOutcome(post, run.LogLines);
    }

    /// <summary>Asks the loop to stop (as SIGTERM does) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _shutdown.CancelAsync();
        return await Completion.WaitAsync(SafetyTimeout);
    }

    /// <summary>The exit code of a run that ends by itself (an init failure).</summary>
    public async Task<int> ExitCodeAsync() => await Completion.WaitAsync(SafetyTimeout);

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        await ((Task)Completion).WaitAsync(SafetyTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _shutdown.Dispose();
        await _log.DisposeAsync();
    }
}
