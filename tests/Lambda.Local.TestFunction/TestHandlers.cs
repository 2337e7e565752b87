using System.Globalization;
using System.Text.Json;
using Workers.Lambda;

namespace Lambda.Local.TestFunction;

/// <summary>The handlers the emulator tests drive; each exercises one Runtime API path from inside a real process.</summary>
public static class TestHandlers
{
    /// <summary>Returns the event unchanged and logs one line, so log capture can be checked.</summary>
    public static Task<JsonElement> EchoAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Logger.LogLine($"echo {context.AwsRequestId}");
        return Task.FromResult(input);
    }

    /// <summary>Fails with <see cref="PaymentDeclinedException"/>, whose name becomes the error type.</summary>
    public static Task<JsonElement> ThrowAsync(ThrowInput input, ILambdaContext context) =>
        throw new PaymentDeclinedException(input?.Message ?? "declined");

    /// <summary>Waits inside the function process, to run past a timeout or to hold a process busy.</summary>
    public static async Task<SleepOutput> SleepAsync(SleepInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        await Task.Delay(input.Milliseconds).ConfigureAwait(false);
        return new SleepOutput(Environment.ProcessId);
    }

    /// <summary>Ends the process mid-invocation without answering when an exit code is given; else reports the process.</summary>
    public static Task<SleepOutput> CrashAsync(CrashInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ExitCode is { } exitCode)
        {
            Environment.Exit(exitCode);
        }

        return Task.FromResult(new SleepOutput(Environment.ProcessId));
    }

    /// <summary>Returns a string of the given length, to exceed the response quota.</summary>
    public static Task<string> LargeAsync(LargeInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(new string('x', input.Length));
    }

    /// <summary>
    /// Calls the Runtime API the wrong way from inside an invocation, as a faulty runtime would, and reports the
    /// status codes: answering an unknown request id, reporting an init error after init, asking for the next event
    /// before answering this one.
    /// </summary>
    public static async Task<ProbeOutput> ProbeAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")}/2018-06-01/runtime/") };
        using var empty = new StringContent("{}");
        using var unknownId = await http.PostAsync(new Uri("invocation/not-a-request-id/response", UriKind.Relative), empty).ConfigureAwait(false);
        using var lateInitError = await http.PostAsync(new Uri("init/error", UriKind.Relative), empty).ConfigureAwait(false);
        using var earlyNext = await http.GetAsync(new Uri("invocation/next", UriKind.Relative)).ConfigureAwait(false);
        using var unknownPath = await http.GetAsync(new Uri("invocation/nowhere", UriKind.Relative)).ConfigureAwait(false);
        return new ProbeOutput(
            (int)unknownId.StatusCode,
            await unknownId.Content.ReadAsStringAsync().ConfigureAwait(false),
            (int)lateInitError.StatusCode,
            (int)earlyNext.StatusCode,
            (int)unknownPath.StatusCode);
    }

    /// <summary>Reports the process, its Lambda environment and what the context received from the Runtime API.</summary>
    public static Task<InspectOutput> InspectAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);
        return Task.FromResult(new InspectOutput(
            Environment.ProcessId,
            context.AwsRequestId,
            context.InvokedFunctionArn,
            context.TraceId,
            context.ClientContext,
            context.RemainingTime.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture),
            environment));
    }
}
