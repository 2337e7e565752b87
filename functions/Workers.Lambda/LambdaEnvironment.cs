using System.Collections;
using System.Globalization;

namespace Workers.Lambda;

/// <summary>
/// The environment a function process reads at start: the Runtime API address, the handler to run, the standard
/// Lambda variables and the Powertools settings. <see cref="FromProcess"/> reads the real environment; tests build
/// one from a dictionary with <see cref="FromVariables"/> so runs in one process do not share global state.
/// </summary>
public sealed record LambdaEnvironment
{
    /// <summary>Default X-Ray daemon address, as the X-Ray SDK uses when <c>AWS_XRAY_DAEMON_ADDRESS</c> is unset.</summary>
    public const string DefaultXRayDaemonAddress = "127.0.0.1:2000";

    /// <summary>Host and port of the Runtime API (<c>AWS_LAMBDA_RUNTIME_API</c>), e.g. <c>127.0.0.1:9001</c>.</summary>
    public string? RuntimeApi { get; init; }

    /// <summary>Name of the registered handler to run (<c>WORKERS_HANDLER</c>).</summary>
    public string? Handler { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string FunctionName { get; init; } = "";

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "";

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> in MB, 0 when unset or not a number.</summary>
    public int MemoryLimitInMB { get; init; }

    /// <summary><c>AWS_LAMBDA_LOG_GROUP_NAME</c>.</summary>
    public string LogGroupName { get; init; } = "";

    /// <summary><c>AWS_LAMBDA_LOG_STREAM_NAME</c>.</summary>
    public string LogStreamName { get; init; } = "";

    /// <summary><c>POWERTOOLS_SERVICE_NAME</c>, or null when unset (logs then say <c>service_undefined</c>).</summary>
    public string? ServiceName { get; init; }

    /// <summary><c>POWERTOOLS_LOG_LEVEL</c>; entries below it are dropped. Defaults to Information.</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary><c>POWERTOOLS_TRACE_DISABLED</c>: true turns X-Ray export off.</summary>
    public bool TraceDisabled { get; init; }

    /// <summary><c>AWS_XRAY_DAEMON_ADDRESS</c>: <c>host:port</c> or <c>tcp:host:port udp:host:port</c>.</summary>
    public string XRayDaemonAddress { get; init; } = DefaultXRayDaemonAddress;

    /// <summary>Reads the current process environment.</summary>
    public static LambdaEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return FromVariables(variables);
    }

    /// <summary>Builds the environment from variable names and values, as <see cref="FromProcess"/> would read them.</summary>
    public static LambdaEnvironment FromVariables(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

        return new LambdaEnvironment
        {
            RuntimeApi = Get("AWS_LAMBDA_RUNTIME_API"),
            Handler = Get(LambdaApplication.HandlerVariable),
            FunctionName = Get("AWS_LAMBDA_FUNCTION_NAME") ?? "",
            FunctionVersion = Get("AWS_LAMBDA_FUNCTION_VERSION") ?? "",
            MemoryLimitInMB = int.TryParse(Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var memory) ? memory : 0,
            LogGroupName = Get("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
            LogStreamName = Get("AWS_LAMBDA_LOG_STREAM_NAME") ?? "",
            ServiceName = Get("POWERTOOLS_SERVICE_NAME"),
            LogLevel = Get("POWERTOOLS_LOG_LEVEL") ?? "Information",
            TraceDisabled = string.Equals(Get("POWERTOOLS_TRACE_DISABLED"), "true", StringComparison.OrdinalIgnoreCase),
            XRayDaemonAddress = Get("AWS_XRAY_DAEMON_ADDRESS") ?? DefaultXRayDaemonAddress,
        };
    }
}
