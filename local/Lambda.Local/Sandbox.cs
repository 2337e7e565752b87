using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Lambda.Local;

/// <summary>
/// One execution environment: a function process and the Runtime API listener only it talks to (its own loopback
/// port, so <c>AWS_LAMBDA_RUNTIME_API</c> stays a plain <c>host:port</c> as every runtime client expects). It serves
/// one invocation at a time; the pool hands it out. A sandbox dies once: when its process exits, or when the
/// emulator kills it (timeout, init failure, shutdown); the invocation in flight then gets Lambda's error for that.
/// </summary>
internal sealed class Sandbox : IAsyncDisposable
{
    private const string RuntimePrefix = "/2018-06-01/runtime/";
    private const string InvocationPrefix = "invocation/";
    private const string Version = "$LATEST";

    private static readonly byte[] Accepted = """{"status":"OK"}"""u8.ToArray();
    private static readonly byte[] InternalError = ErrorDocuments.Create("InternalServerError", "Internal Server Error");
    private static readonly byte[] InvalidRequestId = ErrorDocuments.Create("InvalidRequestID", "Invalid request ID");
    private static readonly byte[] PayloadTooLarge = ErrorDocuments.Create(
        "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({LambdaLimits.RuntimePayloadBytes} bytes).");

    private static readonly TimeSpan InitErrorGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DescendantExitLimit = TimeSpan.FromSeconds(5);

    private readonly FunctionDefinition _function;
    private readonly LambdaEmulatorOptions _options;
    private readonly Action<Sandbox> _onExit;
    private readonly Channel<Invocation> _events = Channel.CreateUnbounded<Invocation>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly string _logStreamName;
    private LoopbackHost? _runtimeApi;
    private Process? _process;
    private OutputPump? _output;
    private Task _exited = Task.CompletedTask;
    private Invocation? _assigned;
    private Invocation? _logTarget;
    private long _startedAt;
    private TimeSpan? _pendingInitDuration;
    private bool _initDone;
    private bool _alive = true;
    private int _processId;
    private bool _processExited;
    private bool _stopping;
    private ReadOnlyMemory<byte>? _initError;
    private SandboxFailure? _failure;

    public Sandbox(FunctionDefinition function, LambdaEmulatorOptions options, Action<Sandbox> onExit)
    {
        _function = function;
        _options = options;
        _onExit = onExit;
        _logStreamName = $"{DateTime.UtcNow:yyyy/MM/dd}/[{Version}]{RandomNumberGenerator.GetHexString(32, lowercase: true)}";
    }

    /// <summary>False once the sandbox is dead or dying: it must not be handed another invocation.</summary>
    public bool IsAlive
    {
        get
        {
            lock (_gate)
            {
                return _alive;
            }
        }
    }

    /// <summary>Takes <paramref name="invocation"/> as the next one to serve; false when the sandbox is dead.</summary>
    public bool TryAssign(Invocation invocation)
    {
        lock (_gate)
        {
            if (!_alive)
            {
                return false;
            }

            _assigned = invocation;
            if (_process is not null)
            {
                invocation.AttachProcess(_processId);
            }

            return true;
        }
    }

    /// <summary>Runs the assigned invocation, starting the process first on a cold start.</summary>
    public async Task<InvocationResult> RunAsync(Invocation invocation)
    {
        if (_runtimeApi is null && !await StartAsync(invocation).ConfigureAwait(false))
        {
            return await invocation.Completion.ConfigureAwait(false);
        }

        _events.Writer.TryWrite(invocation);
        return await invocation.Completion.ConfigureAwait(false);
    }

    /// <summary>Kills the process tree and waits until it is gone; an invocation in flight fails as shutting down.</summary>
    public async ValueTask DisposeAsync()
    {
        int? processId;
        lock (_gate)
        {
            _stopping = true;
            _alive = false;
            processId = _process is null || _processExited ? null : _processId;
        }

        var descendants = processId is { } id ? ProcessTree.Descendants(id) : [];
        Kill();
        await _exited.ConfigureAwait(false);
        await ProcessTree.WaitUntilGoneAsync(descendants, DescendantExitLimit).ConfigureAwait(false);
    }

    private async Task<bool> StartAsync(Invocation invocation)
    {
        _runtimeApi = await LoopbackHost.StartAsync(0, HandleAsync, CancellationToken.None).ConfigureAwait(false);
        var startInfo = CreateStartInfo(_runtimeApi.Port);
        Process? process;
        lock (_gate)
        {
            try
            {
                process = _stopping ? null : Process.Start(startInfo);
            }
            catch (Win32Exception e)
            {
                process = null;
                var failure = SandboxFailure.InvalidEntrypoint($"fork/exec {_function.Command}: {e.Message}");
                invocation.TryBeginFinish();
                WriteLog(invocation, failure.Message(invocation.RequestId));
                invocation.Complete(failure.Document(invocation.RequestId), functionError: true);
            }

            _alive = process is not null;
            _process = process;
            _startedAt = Stopwatch.GetTimestamp();
            if (process is not null)
            {
                // Wired up under the gate, so a DisposeAsync racing this start always finds the exit monitor to await.
                _processId = process.Id;
                invocation.AttachProcess(_processId);
                process.StandardInput.Close();
                _output = new OutputPump(OnOutputLine, process.StandardOutput.BaseStream, process.StandardError.BaseStream);
                _output.Start();
                _exited = Task.Run(() => MonitorExitAsync(process));
            }
        }

        if (process is null)
        {
            // Refused because the emulator is stopping, or the command could not be run (already answered).
            if (invocation.TryBeginFinish())
            {
                invocation.Fail(LambdaServiceException.ShuttingDown());
            }

            await _runtimeApi.DisposeAsync().ConfigureAwait(false);
            return false;
        }

        _ = WatchInitAsync();
        return true;
    }

    private ProcessStartInfo CreateStartInfo(int runtimeApiPort)
    {
        var workingDirectory = Path.GetFullPath(_function.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var startInfo = new ProcessStartInfo(_function.Command)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true, // closed at once: functions get an empty stdin, as in Lambda
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _function.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The host's own AWS settings (profile, keys, endpoints) must not leak in: a function sees only what
        // Lambda sets and what its template declares. PATH, HOME and the .NET variables stay so executables run.
        var environment = startInfo.Environment;
        foreach (var name in environment.Keys.Where(ReservedVariables.IsHostAwsVariable).ToList())
        {
            environment.Remove(name);
        }

        environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtimeApiPort.ToString(CultureInfo.InvariantCulture)}";
        environment["AWS_LAMBDA_FUNCTION_NAME"] = _function.Name;
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = Version;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = _function.MemorySize.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{_function.Name}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = _logStreamName;
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{_function.Runtime}";
        environment["AWS_REGION"] = _options.Region;
        environment["AWS_DEFAULT_REGION"] = _options.Region;
        environment["AWS_ACCESS_KEY_ID"] = _options.AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = _options.SecretAccessKey;
        environment["AWS_SESSION_TOKEN"] = _options.SessionToken;
        environment["AWS_XRAY_CONTEXT_MISSING"] = "LOG_ERROR";
        environment["_HANDLER"] = _function.Handler;
        environment["LAMBDA_TASK_ROOT"] = workingDirectory;
        environment["LAMBDA_RUNTIME_DIR"] = workingDirectory;
        environment["LANG"] = "en_US.UTF-8";
        environment["TZ"] = ":UTC";
        foreach (var (name, value) in _function.Environment)
        {
            environment[name] = value;
        }

        return startInfo;
    }

    // Lambda limits the Init phase to InitTimeout, but one that overruns is not a failed invocation: Lambda retries
    // the Init phase within the first invocation, under the function's timeout. Locally the process keeps
    // initializing instead of starting over, with the same overall limit.
    private async Task WatchInitAsync()
    {
        try
        {
            await _initialized.Task.WaitAsync(_options.InitTimeout + _function.Timeout, _lifetime.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                if (_initDone || !_alive)
                {
                    return;
                }

                _alive = false;
                _failure = SandboxFailure.TimedOut(_function.Timeout);
            }

            Kill();
        }
        catch (OperationCanceledException)
        {
            // The process exited first.
        }
    }

    private async Task WatchTimeoutAsync(Invocation invocation, TimeSpan budget)
    {
        try
        {
            await invocation.Completion.WaitAsync(budget, _lifetime.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                if (invocation.IsFinishing || !_alive)
                {
                    return;
                }

                _alive = false;
                _failure = SandboxFailure.TimedOut(_function.Timeout);
            }

            Kill();
        }
        catch (Exception e) when (e is OperationCanceledException or LambdaServiceException)
        {
            // The process exited, or the emulator is shutting down; the exit monitor answers.
        }
    }

    private async Task MonitorExitAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            Invocation? invocation;
            lock (_gate)
            {
                _alive = false;
                _processExited = true;
                invocation = _assigned;
            }

            _lifetime.Cancel();
            if (invocation is not null && invocation.TryBeginFinish())
            {
                FinishAfterExit(invocation, process.ExitCode);
            }
            else
            {
                _output!.Drain(flushPartialLines: true);
            }

            await _runtimeApi!.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
            _lifetime.Dispose();
            _onExit(this);
        }
    }

    private void FinishAfterExit(Invocation invocation, int exitCode)
    {
        SandboxFailure? failure;
        ReadOnlyMemory<byte>? initError;
        bool stopping;
        lock (_gate)
        {
            failure = _failure;
            initError = _initError;
            stopping = _stopping;
        }

        if (initError is { } document)
        {
            Finish(invocation, document, functionError: true, status: "error", processGone: true);
        }
        else if (failure is null && stopping)
        {
            _output!.Drain(flushPartialLines: true);
            invocation.Fail(LambdaServiceException.ShuttingDown());
        }
        else
        {
            failure ??= SandboxFailure.Exited(exitCode);
            _output!.Drain(flushPartialLines: true);
            WriteLog(invocation, failure.Message(invocation.RequestId));
            Finish(invocation, failure.Document(invocation.RequestId), functionError: true, failure.Status, processGone: true);
        }
    }

    // Whoever claimed the invocation (TryBeginFinish) calls this once.
    private void Finish(Invocation invocation, ReadOnlyMemory<byte> payload, bool functionError, string? status, bool processGone)
    {
        _output?.Drain(flushPartialLines: processGone);
        Volatile.Write(ref _logTarget, null);
        if (invocation.IsDispatched)
        {
            WriteLog(invocation, $"END RequestId: {invocation.RequestId}");
            WriteLog(invocation, ReportLine(invocation, status, processGone));
        }

        invocation.Complete(payload, functionError);
    }

    private string ReportLine(Invocation invocation, string? status, bool processGone)
    {
        var duration = invocation.Elapsed.TotalMilliseconds;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"REPORT RequestId: {invocation.RequestId}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Ceiling(duration):F0} ms\tMemory Size: {_function.MemorySize} MB\t");
        if (!processGone && PeakMemoryMegabytes() is { } used)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"Max Memory Used: {used} MB\t");
        }

        if (invocation.InitDuration is { } init)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"Init Duration: {init.TotalMilliseconds:F2} ms\t");
        }

        return status is null ? line : $"{line}Status: {status}";
    }

    private long? PeakMemoryMegabytes()
    {
        if (OperatingSystem.IsLinux())
        {
            return ProcessTree.PeakResidentBytes(_processId) / (1024 * 1024);
        }

        try
        {
            _process!.Refresh();
            return _process.PeakWorkingSet64 / (1024 * 1024);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Kills the process tree at once, without waiting; the exit monitor does the rest.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            if (_process is null || _processExited)
            {
                return;
            }

            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                // It exited on its own meanwhile; the exit monitor takes it from here.
            }
        }
    }

    private void OnOutputLine(string line)
    {
        _options.LogSink.WriteLine(_function.Name, line);
        Volatile.Read(ref _logTarget)?.AppendLog(line);
    }

    private void WriteLog(Invocation invocation, string line)
    {
        _options.LogSink.WriteLine(_function.Name, line);
        invocation.AppendLog(line);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var route = path.StartsWith(RuntimePrefix, StringComparison.Ordinal) ? path[RuntimePrefix.Length..] : null;
        var method = context.Request.Method;
        switch (route)
        {
            case "invocation/next" when HttpMethods.IsGet(method):
                await NextAsync(context).ConfigureAwait(false);
                break;
            case "init/error" when HttpMethods.IsPost(method):
                await InitErrorAsync(context).ConfigureAwait(false);
                break;
            case not null when HttpMethods.IsPost(method) && route.StartsWith(InvocationPrefix, StringComparison.Ordinal) && route.EndsWith("/response", StringComparison.Ordinal):
                await ResultAsync(context, route[InvocationPrefix.Length..^"/response".Length], isError: false).ConfigureAwait(false);
                break;
            case not null when HttpMethods.IsPost(method) && route.StartsWith(InvocationPrefix, StringComparison.Ordinal) && route.EndsWith("/error", StringComparison.Ordinal):
                await ResultAsync(context, route[InvocationPrefix.Length..^"/error".Length], isError: true).ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        byte[]? refusal;
        lock (_gate)
        {
            refusal = !_alive ? InternalError
                : _assigned is { IsDispatched: true, IsFinishing: false } open ? InvalidTransition($"next invocation requested before invocation {open.RequestId} was answered")
                : null;
            if (refusal is null && !_initDone)
            {
                _initDone = true;
                _pendingInitDuration = Stopwatch.GetElapsedTime(_startedAt);
            }
        }

        if (refusal is not null)
        {
            await WriteAsync(context, refusal == InternalError ? StatusCodes.Status500InternalServerError : StatusCodes.Status403Forbidden, refusal).ConfigureAwait(false);
            return;
        }

        _initialized.TrySetResult();
        Invocation invocation;
        try
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, context.RequestAborted);
            invocation = await _events.Reader.ReadAsync(waiting.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The runtime hung up, or the sandbox is going down: then 500 tells the runtime to exit.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await WriteAsync(context, StatusCodes.Status500InternalServerError, InternalError).ConfigureAwait(false);
            }

            return;
        }

        TimeSpan? initDuration;
        lock (_gate)
        {
            initDuration = _pendingInitDuration;
            _pendingInitDuration = null;
        }

        // The function timeout runs from here, when the function takes the event, not from when the call queued; only
        // an Init phase that overran its limit spends part of it, as Lambda's retried Init phase does.
        var budget = initDuration is { } init && init > _options.InitTimeout ? _options.InitTimeout + _function.Timeout - init : _function.Timeout;
        budget = budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
        var deadline = DateTimeOffset.UtcNow + budget;
        invocation.MarkDispatched(initDuration);
        Volatile.Write(ref _logTarget, invocation);
        WriteLog(invocation, $"START RequestId: {invocation.RequestId} Version: {Version}");
        _ = WatchTimeoutAsync(invocation, budget);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = invocation.Payload.Length;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceHeader;
        if (invocation.ClientContext is { } clientContext)
        {
            response.Headers["Lambda-Runtime-Client-Context"] = clientContext;
        }

        if (invocation.CognitoIdentity is { } identity)
        {
            response.Headers["Lambda-Runtime-Cognito-Identity"] = identity;
        }

        await response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ResultAsync(HttpContext context, string requestId, bool isError)
    {
        Invocation? invocation;
        lock (_gate)
        {
            invocation = _alive && _assigned is { IsDispatched: true, IsFinishing: false } open && open.RequestId == requestId ? open : null;
        }

        if (invocation is null)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        var body = await LoopbackHost.ReadBodyAsync(context.Request, LambdaLimits.RuntimePayloadBytes, context.RequestAborted).ConfigureAwait(false);
        bool claimed;
        lock (_gate)
        {
            // Claiming under the gate orders this answer against a timeout, which also decides under it.
            claimed = _alive && invocation.TryBeginFinish();
        }

        if (!claimed)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        if (body is not { } payload)
        {
            Finish(invocation, ErrorDocuments.ResponseTooLarge(), functionError: true, status: null, processGone: false);
            await WriteAsync(context, StatusCodes.Status413RequestEntityTooLarge, PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        if (isError)
        {
            var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
            Finish(invocation, ErrorDocuments.FromRuntime(payload, errorType), functionError: true, status: null, processGone: false);
        }
        else
        {
            Finish(invocation, payload, functionError: false, status: null, processGone: false);
        }

        await WriteAsync(context, StatusCodes.Status202Accepted, Accepted).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        byte[]? refusal;
        lock (_gate)
        {
            refusal = !_alive ? InternalError : _initDone ? InvalidTransition("init error reported after initialization finished") : null;
        }

        if (refusal is not null)
        {
            await WriteAsync(context, refusal == InternalError ? StatusCodes.Status500InternalServerError : StatusCodes.Status403Forbidden, refusal).ConfigureAwait(false);
            return;
        }

        var body = await LoopbackHost.ReadBodyAsync(context.Request, LambdaLimits.RuntimePayloadBytes, context.RequestAborted).ConfigureAwait(false);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        lock (_gate)
        {
            _alive = false;
            _initError = body is { } payload ? ErrorDocuments.FromRuntime(payload, errorType) : ErrorDocuments.ResponseTooLarge();
        }

        await WriteAsync(context, StatusCodes.Status202Accepted, Accepted).ConfigureAwait(false);
        _ = KillAfterInitErrorAsync();
    }

    // The runtime should exit after reporting an init error; one that lingers is killed, as Lambda resets it.
    private async Task KillAfterInitErrorAsync()
    {
        try
        {
            await _exited.WaitAsync(InitErrorGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
        }
    }

    private async Task RefuseAsync(HttpContext context)
    {
        var alive = IsAlive;
        await WriteAsync(context, alive ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError, alive ? InvalidRequestId : InternalError).ConfigureAwait(false);
    }

    private static byte[] InvalidTransition(string detail) =>
        ErrorDocuments.Create("InvalidStateTransition", $"State transition failed for runtime: {detail}");

    private static async Task WriteAsync(HttpContext context, int statusCode, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
