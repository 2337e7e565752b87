using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lambda.Local;

/// <summary>One synchronous invocation on its way through a process: the event, and the result once it is known.</summary>
internal sealed class Invocation
{
    private const int LogKeepChars = 2 * LambdaLimits.LogTailBytes;

    private readonly TaskCompletionSource<InvocationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder? _log;
    private long _dispatchedAt;
    private int _finishing;

    public Invocation(ReadOnlyMemory<byte> payload, string invokedFunctionArn, InvocationOptions options)
    {
        Payload = payload;
        InvokedFunctionArn = invokedFunctionArn;
        ClientContext = options.ClientContext;
        CognitoIdentity = options.CognitoIdentity;
        TraceHeader = options.TraceHeader ?? NewTraceHeader();
        _log = options.TailLog ? new StringBuilder() : null;
    }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public ReadOnlyMemory<byte> Payload { get; }

    public string InvokedFunctionArn { get; }

    public string? ClientContext { get; }

    public string? CognitoIdentity { get; }

    public string TraceHeader { get; }

    public Task<InvocationResult> Completion => _completion.Task;

    public bool IsDispatched => Volatile.Read(ref _dispatchedAt) != 0;

    /// <summary>True once a response, error or failure has claimed this invocation.</summary>
    public bool IsFinishing => Volatile.Read(ref _finishing) != 0;

    public TimeSpan Elapsed => IsDispatched ? Stopwatch.GetElapsedTime(_dispatchedAt) : TimeSpan.Zero;

    public TimeSpan? InitDuration { get; private set; }

    public int? ProcessId { get; private set; }

    /// <summary>Records the process that will serve the invocation, before it asks for the event.</summary>
    public void AttachProcess(int processId) => ProcessId = processId;

    public void MarkDispatched(TimeSpan? initDuration)
    {
        InitDuration = initDuration;
        Volatile.Write(ref _dispatchedAt, Stopwatch.GetTimestamp());
    }

    /// <summary>Claims the right to finish the invocation; only the first of racing outcomes gets it.</summary>
    public bool TryBeginFinish() => Interlocked.Exchange(ref _finishing, 1) == 0;

    public void AppendLog(string line)
    {
        if (_log is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(line).Append('\n');
            if (_log.Length > 2 * LogKeepChars)
            {
                _log.Remove(0, _log.Length - LogKeepChars);
            }
        }
    }

    public void Complete(ReadOnlyMemory<byte> payload, bool functionError) =>
        _completion.TrySetResult(new InvocationResult
        {
            StatusCode = 200,
            RequestId = RequestId,
            Payload = payload,
            FunctionError = functionError ? "Unhandled" : null,
            ErrorType = functionError ? ErrorDocuments.ErrorType(payload.Span) : null,
            LogResult = LogTail(),
            Metrics = new InvocationMetrics(Elapsed, InitDuration, ProcessId),
        });

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    private string? LogTail()
    {
        if (_log is null)
        {
            return null;
        }

        byte[] bytes;
        lock (_log)
        {
            bytes = Encoding.UTF8.GetBytes(_log.ToString());
        }

        var start = Math.Max(0, bytes.Length - LambdaLimits.LogTailBytes);

        // Start on a character boundary: skip UTF-8 continuation bytes (10xxxxxx).
        while (start < bytes.Length && (bytes[start] & 0xC0) == 0x80)
        {
            start++;
        }

        return Convert.ToBase64String(bytes, start, bytes.Length - start);
    }

    private static string NewTraceHeader()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{epoch}-{RandomNumberGenerator.GetHexString(24, lowercase: true)};Parent={RandomNumberGenerator.GetHexString(16, lowercase: true)};Sampled=0";
    }
}
