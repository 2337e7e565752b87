using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workers.Lambda;

/// <summary>
/// Writes one JSON object per line with Powertools Logging's keys (level, message, timestamp, service, cold_start,
/// function_name, function_version, function_memory_size, function_arn, function_request_id, xray_trace_id), so
/// CloudWatch Logs Insights queries written for Powertools work unchanged.
/// </summary>
internal sealed class JsonLogWriter
{
    private const string UndefinedService = "service_undefined";

    private readonly TextWriter _output;
    private readonly LambdaEnvironment _environment;
    private readonly int _minimumRank;
    private readonly Lock _gate = new();

    public JsonLogWriter(TextWriter output, LambdaEnvironment environment)
    {
        _output = output;
        _environment = environment;
        _minimumRank = LogLevels.Rank(environment.LogLevel);
    }

    /// <summary>Writes an entry; <paramref name="invocation"/> is null outside an invocation (e.g. during init).</summary>
    public void Write(string level, string message, LogScope? invocation)
    {
        if (LogLevels.Rank(level) < _minimumRank)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, LambdaJsonWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("level", LogLevels.Normalize(level));
            json.WriteString("message", message);
            json.WriteString("timestamp", DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
            json.WriteString("service", _environment.ServiceName ?? UndefinedService);
            if (invocation is not null)
            {
                json.WriteBoolean("cold_start", invocation.ColdStart);
            }

            json.WriteString("function_name", _environment.FunctionName);
            json.WriteString("function_version", _environment.FunctionVersion);
            json.WriteNumber("function_memory_size", _environment.MemoryLimitInMB);
            if (invocation is not null)
            {
                json.WriteString("function_arn", invocation.FunctionArn);
                json.WriteString("function_request_id", invocation.RequestId);
                if (invocation.XRayTraceId is { } traceId)
                {
                    json.WriteString("xray_trace_id", traceId);
                }
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
