using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;

namespace Workers.Lambda;

/// <summary>
/// One function executable holding several handlers. Register each handler under a name with its source-generated
/// JSON type info, then <see cref="RunAsync(CancellationToken)"/>: it reads <c>WORKERS_HANDLER</c> (set per function
/// in the template) to pick the handler and <c>AWS_LAMBDA_RUNTIME_API</c> to reach Lambda, and serves invocations
/// until SIGTERM. The same executable runs under the <c>dotnet10</c> managed runtime (Handler = assembly name) and
/// <c>provided.al2023</c> (bootstrap), since both just run Main.
/// <code>
/// var app = new LambdaApplication()
///     .Handle("ValidateOrder", validate.HandleAsync, OrderJson.Default.ValidateOrderInput, OrderJson.Default.ValidateOrderOutput)
///     .Handle("ReleaseInventory", release.HandleAsync, OrderJson.Default.ReleaseInput);
/// return await app.RunAsync();
/// </code>
/// Registering through <see cref="RunAsync(Action{LambdaApplication}, CancellationToken)"/> instead reports a failure
/// while building the handlers to <c>/runtime/init/error</c>.
/// A handler's exception is reported as Lambda's error document with <c>errorType</c> = the exception's short class
/// name (the Step Functions error name) and the loop continues; an unusable event is a
/// <see cref="JsonSerializerException"/>. A missing or unknown <c>WORKERS_HANDLER</c> is reported to
/// <c>/runtime/init/error</c> as <see cref="UnknownHandlerException"/> naming the registered handlers.
/// </summary>
public sealed class LambdaApplication
{
    /// <summary>The environment variable naming the handler to run.</summary>
    public const string HandlerVariable = "WORKERS_HANDLER";

    /// <summary>Exit code after a shutdown request (SIGTERM or cancellation).</summary>
    public const int ExitShutdown = 0;

    /// <summary>Exit code after an initialization failure (unknown handler, missing configuration).</summary>
    public const int ExitInitFailed = 1;

    /// <summary>Exit code when the Runtime API failed (unreachable, 5xx), which the Runtime API says ends the runtime.</summary>
    public const int ExitRuntimeApiFailed = 2;

    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private readonly Dictionary<string, HandlerRegistration> _handlers = new(StringComparer.Ordinal);

    /// <summary>The registered handler names, in registration order.</summary>
    public IReadOnlyCollection<string> HandlerNames => _handlers.Keys;

    /// <summary>Registers a handler that returns a result, serialized with <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public LambdaApplication Handle<TInput, TOutput>(
        string name,
        Func<TInput, ILambdaContext, Task<TOutput>> handler,
        JsonTypeInfo<TInput> input,
        JsonTypeInfo<TOutput> output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return Add(new HandlerRegistration<TInput, TOutput>(name, handler, input, output));
    }

    /// <summary>Registers a handler without a result; Lambda then answers with an empty payload.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public LambdaApplication Handle<TInput>(string name, Func<TInput, ILambdaContext, Task> handler, JsonTypeInfo<TInput> input)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        return Add(new HandlerRegistration<TInput>(name, handler, input));
    }

    /// <summary>
    /// Runs the function from the process environment, logging to stdout, until SIGTERM or SIGINT.
    /// Returns <see cref="ExitShutdown"/>, <see cref="ExitInitFailed"/> or <see cref="ExitRuntimeApiFailed"/>.
    /// </summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default) =>
        UntilShutdownSignalAsync(token => RunAsync(LambdaEnvironment.FromProcess(), Console.Out, token), cancellationToken);

    /// <summary>
    /// Runs the function from the process environment like <see cref="RunAsync(CancellationToken)"/>, with
    /// registration inside Lambda's init phase: an exception thrown by <paramref name="configure"/> (a missing
    /// setting, an unreachable dependency) is reported to <c>/runtime/init/error</c> under its short class name and
    /// the process exits with <see cref="ExitInitFailed"/>.
    /// <code>return await LambdaApplication.RunAsync(app => new SagaWorkers(SagaSettings.FromEnvironment()).Register(app));</code>
    /// </summary>
    public static Task<int> RunAsync(Action<LambdaApplication> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return UntilShutdownSignalAsync(
            token => new LambdaApplication().RunCoreAsync(configure, LambdaEnvironment.FromProcess(), Console.Out, token),
            cancellationToken);
    }

    /// <summary>
    /// Runs like <see cref="RunAsync(Action{LambdaApplication}, CancellationToken)"/> with an explicit environment and
    /// log output, until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static Task<int> RunAsync(
        Action<LambdaApplication> configure,
        LambdaEnvironment environment,
        TextWriter logOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return new LambdaApplication().RunCoreAsync(configure, environment, logOutput, cancellationToken);
    }

    /// <summary>
    /// Runs the function against <see cref="LambdaEnvironment.RuntimeApi"/> with the handler named by
    /// <see cref="LambdaEnvironment.Handler"/>, writing JSON log lines to <paramref name="logOutput"/>, until
    /// <paramref name="cancellationToken"/> is cancelled. An invocation in progress at cancellation still posts its result.
    /// </summary>
    public Task<int> RunAsync(LambdaEnvironment environment, TextWriter logOutput, CancellationToken cancellationToken) =>
        RunCoreAsync(configure: null, environment, logOutput, cancellationToken);

    private static async Task<int> UntilShutdownSignalAsync(Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await run(shutdown.Token).ConfigureAwait(false);
    }

    private async Task<int> RunCoreAsync(
        Action<LambdaApplication>? configure,
        LambdaEnvironment environment,
        TextWriter logOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logOutput);
        var log = new JsonLogWriter(logOutput, environment);
        if (environment.RuntimeApi is null)
        {
            log.Write(LogLevels.Error, "AWS_LAMBDA_RUNTIME_API is not set: this executable runs inside Lambda or the local Runtime API emulator.", null);
            return ExitInitFailed;
        }

        using var client = RuntimeApiClient.Create(environment.RuntimeApi);
        if (client is null)
        {
            log.Write(LogLevels.Error, $"AWS_LAMBDA_RUNTIME_API '{environment.RuntimeApi}' is not host:port.", null);
            return ExitInitFailed;
        }

        try
        {
            if (configure is not null)
            {
                try
                {
                    configure(this);
                }
                catch (Exception e)
                {
                    log.Write(LogLevels.Error, e.ToString(), null);
                    await client.ReportInitErrorAsync(e, cancellationToken).ConfigureAwait(false);
                    return ExitInitFailed;
                }
            }

            if (!_handlers.TryGetValue(environment.Handler ?? "", out var handler))
            {
                var error = new UnknownHandlerException(UnknownHandlerMessage(environment.Handler));
                log.Write(LogLevels.Error, error.Message, null);
                await client.ReportInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
                return ExitInitFailed;
            }

            using var tracer = environment.TraceDisabled
                ? null
                : await XRayExporter.CreateAsync(environment, log, cancellationToken).ConfigureAwait(false);
            var runtime = new InvocationRunner(client, handler, environment, log, tracer);
            while (!cancellationToken.IsCancellationRequested)
            {
                RuntimeInvocation invocation;
                try
                {
                    invocation = await client.NextAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await runtime.RunAsync(invocation).ConfigureAwait(false);
            }

            return ExitShutdown;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitShutdown;
        }
        catch (Exception e) when (e is RuntimeApiException or HttpRequestException)
        {
            log.Write(LogLevels.Error, $"Runtime API failure, exiting: {e.Message}", null);
            return ExitRuntimeApiFailed;
        }
    }

    private LambdaApplication Add(HandlerRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name, "name");
        if (!_handlers.TryAdd(registration.Name, registration))
        {
            throw new ArgumentException($"A handler named '{registration.Name}' is already registered.", "name");
        }

        return this;
    }

    private string UnknownHandlerMessage(string? requested)
    {
        var registered = _handlers.Count == 0 ? "(none)" : string.Join(", ", _handlers.Keys);
        return requested is null
            ? $"{HandlerVariable} is not set. Registered handlers: {registered}."
            : $"{HandlerVariable} '{requested}' is not a registered handler. Registered handlers: {registered}.";
    }

    /// <summary>Serves one invocation at a time with the chosen handler; remembers whether the process is still cold.</summary>
    private sealed class InvocationRunner(
        RuntimeApiClient client,
        HandlerRegistration handler,
        LambdaEnvironment environment,
        JsonLogWriter log,
        XRayExporter? tracer)
    {
        private bool _coldStart = true;

        public async Task RunAsync(RuntimeInvocation invocation)
        {
            var coldStart = _coldStart;
            _coldStart = false;

            // As the AWS runtime does, so SDKs called by the handler propagate the trace.
            Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceHeader);
            var scope = new LogScope(invocation.RequestId, invocation.InvokedFunctionArn, coldStart, XRayTraceHeader.RootOf(invocation.TraceHeader));
            var context = new LambdaContext(invocation, environment, new InvocationLogger(log, scope), TimeProvider.System);
            var activity = tracer?.StartHandler(handler.Name, XRayTraceHeader.Parse(invocation.TraceHeader), coldStart, environment.ServiceName);

            byte[] response;
            try
            {
                response = await handler.InvokeAsync(invocation.Body, context).ConfigureAwait(false);
                activity?.SetCustomProperty(XRayExporter.ResponseProperty, response);
            }
            catch (Exception e)
            {
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                activity?.SetCustomProperty(XRayExporter.ExceptionProperty, e);
                Finish(activity);
                log.Write(LogLevels.Error, e.ToString(), scope);
                // Posted even during shutdown: the invocation was taken and Lambda waits for its outcome.
                var errorStatus = await client.ReportErrorAsync(invocation.RequestId, e, CancellationToken.None).ConfigureAwait(false);
                LogRefusal(errorStatus, "error", scope);
                return;
            }

            Finish(activity);
            var status = await client.RespondAsync(invocation.RequestId, response, CancellationToken.None).ConfigureAwait(false);
            LogRefusal(status, "response", scope);
        }

        private void Finish(Activity? activity)
        {
            if (activity is not null)
            {
                tracer!.EndHandler(activity);
            }
        }

        private void LogRefusal(HttpStatusCode status, string what, LogScope scope)
        {
            if ((int)status is < 200 or >= 300)
            {
                log.Write(LogLevels.Error, $"The Runtime API refused the {what} with status {(int)status}.", scope);
            }
        }
    }
}
