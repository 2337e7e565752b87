using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lambda.Local;

/// <summary>
/// A local Lambda: runs registered functions as real processes behind the Lambda Runtime API (one loopback port per
/// process), keeps them warm, enforces timeouts and concurrency, and answers invocations in-process
/// (<see cref="InvokeAsync"/>) or over Lambda's Invoke REST API (<see cref="StartAsync"/>, then
/// <see cref="InvokeEndpoint"/>), with AWS's status codes, headers and error shapes. Disposing kills every process
/// tree. Runs on Linux and macOS.
/// <code>
/// await using var lambda = new LambdaEmulator();
/// lambda.Register(FunctionDefinition.ForAssembly("ValidateOrder", "/path/OrderSaga.Workers.dll") with { Timeout = TimeSpan.FromSeconds(10) });
/// var result = await lambda.InvokeAsync("ValidateOrder", """{"orderId":"o-1"}"""u8.ToArray());
/// </code>
/// </summary>
public sealed partial class LambdaEmulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FunctionPool> _pools = new(StringComparer.Ordinal);
    private readonly LambdaEmulatorOptions _options;
    private LoopbackHost? _invokeApi;
    private int _disposed;

    /// <summary>Creates an emulator with no functions; <paramref name="options"/> defaults to <see cref="LambdaEmulatorOptions"/>'s defaults.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux or macOS.</exception>
    public LambdaEmulator(LambdaEmulatorOptions? options = null)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("The Lambda emulator runs function processes on Linux and macOS only.");
        }

        _options = options ?? new LambdaEmulatorOptions();
        AppDomain.CurrentDomain.ProcessExit += KillAllOnExit;
    }

    /// <summary>The Invoke REST API's base address (<c>http://127.0.0.1:&lt;port&gt;</c>), for <c>--endpoint-url</c>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="StartAsync"/> has not run.</exception>
    public Uri InvokeEndpoint => _invokeApi is { } api
        ? new Uri($"http://127.0.0.1:{api.Port}")
        : throw new InvalidOperationException("The Invoke API is not started; call StartAsync first.");

    /// <summary>The registered functions.</summary>
    public IReadOnlyCollection<FunctionDefinition> Functions => [.. _pools.Values.Select(pool => pool.Function)];

    /// <summary>The unqualified ARN of function <paramref name="name"/> in this emulator's region and account.</summary>
    public string FunctionArn(string name) => $"arn:aws:lambda:{_options.Region}:{_options.AccountId}:function:{name}";

    /// <summary>Adds a function; its processes start on its first invocation.</summary>
    /// <exception cref="ArgumentException">The definition is invalid: bad name, reserved environment variable, non-positive limits.</exception>
    /// <exception cref="InvalidOperationException">A function with that name is already registered.</exception>
    public void Register(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!FunctionNamePattern().IsMatch(function.Name))
        {
            throw new ArgumentException($"Function name '{function.Name}' must be 1 to 64 letters, digits, hyphens or underscores.", nameof(function));
        }

        var reserved = ReservedVariables.Find(function.Environment.Keys);
        if (reserved.Count > 0)
        {
            throw new ArgumentException(
                $"Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: {string.Join(", ", reserved)}",
                nameof(function));
        }

        if (function.Timeout <= TimeSpan.Zero || function.MaxConcurrency < 1 || function.MemorySize < 1)
        {
            throw new ArgumentException($"Function '{function.Name}' needs a positive Timeout, MaxConcurrency and MemorySize.", nameof(function));
        }

        if (!_pools.TryAdd(function.Name, new FunctionPool(function, _options)))
        {
            throw new InvalidOperationException($"Function '{function.Name}' is already registered.");
        }
    }

    /// <summary>Starts the Invoke REST API on 127.0.0.1 (<see cref="LambdaEmulatorOptions.InvokeApiPort"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_invokeApi is not null)
        {
            throw new InvalidOperationException("The Invoke API is already started.");
        }

        _invokeApi = await LoopbackHost.StartAsync(_options.InvokeApiPort, new InvokeApi(this).HandleAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invokes a function as Lambda's Invoke API does. <paramref name="functionName"/> is a name, partial ARN or ARN,
    /// optionally with <c>:$LATEST</c>. A function error is a result with <see cref="InvocationResult.FunctionError"/>
    /// set; a refused call throws. Cancelling stops waiting; the function itself runs on, as in Lambda.
    /// </summary>
    /// <exception cref="LambdaServiceException">
    /// ResourceNotFoundException (404), RequestTooLargeException (413), InvalidRequestContentException (400, payload not
    /// JSON), TooManyRequestsException (429, every process busy and the queue full), ValidationException and
    /// InvalidParameterValueException (400), ServiceException (500, shutting down).
    /// </exception>
    public async Task<InvocationResult> InvokeAsync(
        string functionName,
        ReadOnlyMemory<byte> payload,
        InvocationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        options ??= InvocationOptions.Default;
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw LambdaServiceException.ShuttingDown();
        }

        var (pool, invokedArn) = Resolve(functionName, options.Qualifier);
        if (options.InvocationType == InvocationType.DryRun)
        {
            return new InvocationResult { StatusCode = 204, RequestId = Guid.NewGuid().ToString() };
        }

        var limit = options.InvocationType == InvocationType.Event ? LambdaLimits.AsyncRequestBytes : LambdaLimits.SyncRequestBytes;
        if (payload.Length > limit)
        {
            throw LambdaServiceException.RequestTooLarge(limit);
        }

        // An Invoke without a body delivers an empty JSON object to the function.
        var eventPayload = payload.IsEmpty ? "{}"u8.ToArray() : payload;
        ValidateJson(eventPayload.Span);
        var invocation = new Invocation(eventPayload, invokedArn, options);
        if (options.InvocationType == InvocationType.Event)
        {
            _ = RunEventAsync(pool, invocation);
            return new InvocationResult { StatusCode = 202, RequestId = invocation.RequestId };
        }

        try
        {
            return await pool.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw LambdaServiceException.ShuttingDown();
        }
    }

    /// <summary>Stops the Invoke API and kills every function process tree, waiting until they are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillAllOnExit;
        if (_invokeApi is not null)
        {
            await _invokeApi.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_pools.Values.Select(pool => pool.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    // A host that exits without disposing (Ctrl+C, SIGTERM, a test run ending) must not leave function processes behind.
    private void KillAllOnExit(object? sender, EventArgs e)
    {
        foreach (var pool in _pools.Values)
        {
            pool.KillAll();
        }
    }

    private (FunctionPool Pool, string InvokedArn) Resolve(string functionName, string? qualifier)
    {
        var reference = FunctionReference.Parse(functionName);
        if (reference.Qualifier is not null && qualifier is not null && reference.Qualifier != qualifier)
        {
            throw LambdaServiceException.InvalidParameterValue("The derived qualifier from the function name does not match the specified qualifier.");
        }

        qualifier ??= reference.Qualifier;
        var region = reference.Region ?? _options.Region;
        var account = reference.AccountId ?? _options.AccountId;
        var arn = $"arn:aws:lambda:{region}:{account}:function:{reference.Name}{(qualifier is null ? "" : $":{qualifier}")}";

        // Only $LATEST exists locally: versions and aliases are a deployment concern.
        if (region != _options.Region || account != _options.AccountId || (qualifier is not null && qualifier != "$LATEST")
            || !_pools.TryGetValue(reference.Name, out var pool))
        {
            throw LambdaServiceException.FunctionNotFound(arn);
        }

        return (pool, arn);
    }

    private async Task RunEventAsync(FunctionPool pool, Invocation invocation)
    {
        try
        {
            await pool.InvokeAsync(invocation, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LambdaServiceException or ObjectDisposedException)
        {
            // Lambda would retry from its async queue; locally the event is dropped, and said so in the log.
            _options.LogSink.WriteLine(pool.Function.Name, $"Event invocation {invocation.RequestId} was not run: {e.Message}");
        }
    }

    private static void ValidateJson(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw LambdaServiceException.InvalidRequestContent($"Could not parse request body into json: Could not parse payload into json: {e.Message}");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex FunctionNamePattern();
}
