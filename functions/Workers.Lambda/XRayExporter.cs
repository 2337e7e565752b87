using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Workers.Lambda;

/// <summary>
/// Sends finished Activities of this runtime's invocations to the X-Ray daemon as standalone subsegment documents
/// (one UDP datagram each: <c>{"format":"json","version":1}</c>, a newline, the document), as the X-Ray SDK does
/// inside Lambda, where the facade segment itself is never sent. Only traces of invocations this instance started
/// are exported, so several runtimes in one process (tests) do not see each other's activities.
/// </summary>
internal sealed class XRayExporter : IDisposable
{
    public const string ResponseProperty = "workers.lambda.response";
    public const string ExceptionProperty = "workers.lambda.exception";

    private const int MaxDocumentBytes = 64 * 1024;
    private const int MaxMetadataBytes = 16 * 1024;

    private static readonly byte[] DaemonHeader = Encoding.ASCII.GetBytes("{\"format\":\"json\",\"version\":1}\n");

    private readonly ConcurrentDictionary<ActivityTraceId, bool> _traces = new();
    private readonly Socket _socket;
    private readonly EndPoint _daemon;
    private readonly string _namespace;
    private readonly ActivityListener _listener;

    private XRayExporter(EndPoint daemon, string serviceNamespace)
    {
        _daemon = daemon;
        _namespace = serviceNamespace;
        _socket = new Socket(daemon.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LambdaTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                _traces.ContainsKey(options.Parent.TraceId) ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = Export,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Creates the exporter for <c>AWS_XRAY_DAEMON_ADDRESS</c>, falling back to the default address like the X-Ray SDK.</summary>
    public static async Task<XRayExporter> CreateAsync(LambdaEnvironment environment, JsonLogWriter log, CancellationToken cancellationToken)
    {
        var daemon = await ResolveAsync(environment.XRayDaemonAddress, cancellationToken).ConfigureAwait(false);
        if (daemon is null)
        {
            log.Write("Warning", $"AWS_XRAY_DAEMON_ADDRESS '{environment.XRayDaemonAddress}' is not host:port; using {LambdaEnvironment.DefaultXRayDaemonAddress}.", null);
            daemon = await ResolveAsync(LambdaEnvironment.DefaultXRayDaemonAddress, cancellationToken).ConfigureAwait(false);
        }

        return new XRayExporter(daemon!, environment.ServiceName ?? "service_undefined");
    }

    /// <summary>Starts the handler's subsegment, or returns null when the header is absent, invalid or not sampled.</summary>
    public Activity? StartHandler(string handlerName, XRayTraceHeader? header, bool coldStart, string? serviceName)
    {
        if (header is not { Sampled: true })
        {
            return null;
        }

        var parent = header.ToActivityContext();
        _traces[parent.TraceId] = true;
        var activity = LambdaTracing.Source.StartActivity($"## {handlerName}", ActivityKind.Server, parent);
        if (activity is null)
        {
            _traces.TryRemove(parent.TraceId, out _);
            return null;
        }

        activity.SetTag("ColdStart", coldStart);
        if (serviceName is not null)
        {
            activity.SetTag("Service", serviceName);
        }

        return activity;
    }

    /// <summary>Stops the handler's subsegment (which sends it) and forgets its trace.</summary>
    public void EndHandler(Activity activity)
    {
        activity.Stop();
        _traces.TryRemove(activity.TraceId, out _);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _socket.Dispose();
    }

    private void Export(Activity activity)
    {
        if (!_traces.ContainsKey(activity.TraceId))
        {
            return;
        }

        var document = Document(activity, withMetadata: true);
        if (document.Length > MaxDocumentBytes)
        {
            document = Document(activity, withMetadata: false);
        }

        if (document.Length > MaxDocumentBytes)
        {
            return;
        }

        var datagram = new byte[DaemonHeader.Length + document.Length];
        DaemonHeader.CopyTo(datagram, 0);
        document.CopyTo(datagram, DaemonHeader.Length);
        try
        {
            // Sent synchronously before the response is posted, so a trace is out before the caller sees the result.
            _socket.SendTo(datagram, _daemon);
        }
        catch (SocketException)
        {
            // X-Ray is best effort: a missing daemon must never fail an invocation.
        }
    }

    private byte[] Document(Activity activity, bool withMetadata)
    {
        var start = activity.StartTimeUtc - DateTime.UnixEpoch;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, LambdaJsonWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("name", SanitizeName(activity.DisplayName));
            json.WriteString("id", activity.SpanId.ToHexString());
            json.WriteString("trace_id", XRayTraceHeader.ToXRayTraceId(activity.TraceId));
            json.WriteString("parent_id", activity.ParentSpanId.ToHexString());
            json.WriteNumber("start_time", Math.Round(start.TotalSeconds, 6));
            json.WriteNumber("end_time", Math.Round((start + activity.Duration).TotalSeconds, 6));
            json.WriteString("type", "subsegment");
            json.WriteString("namespace", _namespace);
            WriteAnnotations(json, activity);

            var exception = activity.GetCustomProperty(ExceptionProperty) as Exception;
            if (exception is not null)
            {
                json.WriteBoolean("fault", true);
                json.WritePropertyName("cause");
                XRayCause.Write(json, exception, ActivitySpanId.CreateRandom().ToHexString());
            }

            if (withMetadata)
            {
                WriteMetadata(json, activity, exception);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, Activity activity)
    {
        json.WriteStartObject("annotations");
        foreach (var (key, value) in activity.TagObjects)
        {
            var name = SanitizeAnnotationKey(key);
            switch (value)
            {
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                case int or long or double or float or decimal:
                    json.WriteNumber(name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                case not null:
                    json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteMetadata(Utf8JsonWriter json, Activity activity, Exception? exception)
    {
        var response = activity.GetCustomProperty(ResponseProperty) as byte[];
        if (response is not { Length: > 0 and <= MaxMetadataBytes } && exception is null)
        {
            return;
        }

        var handler = activity.DisplayName.StartsWith("## ", StringComparison.Ordinal) ? activity.DisplayName[3..] : activity.DisplayName;
        json.WriteStartObject("metadata");
        json.WriteStartObject(_namespace);
        if (exception is not null)
        {
            json.WriteString($"{handler} error", exception.ToString());
        }
        else
        {
            // The response was written by the handler's JsonTypeInfo, so it is one valid JSON value.
            json.WritePropertyName($"{handler} response");
            json.WriteRawValue(response!, skipInputValidation: true);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // X-Ray names allow letters, digits, whitespace and _ . : / % & # = + \ - @ (the Powertools helper's set).
    private static string SanitizeName(string name) =>
        new(name.Where(c => char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c) || "_.:/%&#=+\\-@".Contains(c)).ToArray());

    // Annotation keys allow only letters, digits and underscores.
    private static string SanitizeAnnotationKey(string key) =>
        new(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static async Task<EndPoint?> ResolveAsync(string address, CancellationToken cancellationToken)
    {
        // Either "host:port" or "tcp:host:port udp:host:port"; segments go over UDP.
        var candidate = address.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.StartsWith("udp:", StringComparison.OrdinalIgnoreCase) ? part[4..] : part)
            .FirstOrDefault(part => !part.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase));
        var colon = candidate?.LastIndexOf(':') ?? -1;
        if (candidate is null || colon <= 0
            || !int.TryParse(candidate.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            return null;
        }

        var host = candidate[..colon];
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.Length == 0 ? null : new IPEndPoint(addresses[0], port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
