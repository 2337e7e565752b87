using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Workers.Lambda;

/// <summary>
/// An exception as an X-Ray <c>cause</c> object: <c>{"working_directory","exceptions":[{"type","message","stack":
/// [{"path","line","label"}]}],"paths"}</c>. The same object goes into a failed subsegment and, as the AWS runtime
/// sends it, into the <c>Lambda-Runtime-Function-XRay-Error-Cause</c> header so Lambda's own segment shows the error.
/// </summary>
internal static class XRayCause
{
    // The AWS runtime allows up to 1 MiB, but HTTP servers commonly refuse header blocks over 32 KB (Kestrel's
    // default), and a refused error post would lose the invocation's error; the header only feeds X-Ray, so a
    // larger cause is left out.
    private const int MaxHeaderBytes = 16 * 1024;

    /// <summary>The header value: one ASCII line (non-ASCII escaped), or null when it would be too large to send safely.</summary>
    public static string? HeaderValue(Exception exception)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, exception, exceptionId: null);
        }

        return buffer.WrittenCount < MaxHeaderBytes ? Encoding.ASCII.GetString(buffer.WrittenSpan) : null;
    }

    /// <summary>Writes the cause object; a subsegment's exception also carries an id.</summary>
    public static void Write(Utf8JsonWriter json, Exception exception, string? exceptionId)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .Where(frame => frame.GetMethod() is not null)
            .ToList();

        json.WriteStartObject();
        json.WriteString("working_directory", Environment.CurrentDirectory);
        json.WriteStartArray("exceptions");
        json.WriteStartObject();
        if (exceptionId is not null)
        {
            json.WriteString("id", exceptionId);
        }

        json.WriteString("type", exception.GetType().Name);
        json.WriteString("message", exception.Message);
        if (frames.Count > 0)
        {
            json.WriteStartArray("stack");
            foreach (var frame in frames)
            {
                json.WriteStartObject();
                if (frame.GetFileName() is { } path)
                {
                    json.WriteString("path", path);
                    json.WriteNumber("line", frame.GetFileLineNumber());
                }

                var method = frame.GetMethod()!;
                json.WriteString("label", $"{method.DeclaringType?.FullName}.{method.Name}");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("paths");
        foreach (var path in frames.Select(frame => frame.GetFileName()).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            json.WriteStringValue(path);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
