using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Workers.Lambda;

/// <summary>
/// Writes an exception as the AWS .NET runtime reports it to the Runtime API:
/// <c>{"errorType","errorMessage","stackTrace":[...],"cause":{...},"causes":[...]}</c>, where errorType is the
/// exception's short class name, an inner exception is nested as <c>cause</c> and an AggregateException's children
/// as <c>causes</c>. A document over 256 KB is replaced by the runtime's fixed truncation message.
/// </summary>
internal static class LambdaErrorDocument
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    private const int MaxPayloadBytes = 256 * 1024;

    private static readonly byte[] TruncatedDocument =
        Encoding.UTF8.GetBytes("{\"errorMessage\": \"Exception exceeded maximum payload size of 256KB.\"}");

    /// <summary>The name Step Functions matches in <c>ErrorEquals</c>.</summary>
    public static string ErrorType(Exception exception) => exception.GetType().Name;

    public static byte[] Write(Exception exception)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, LambdaJsonWriter.Options))
        {
            WriteException(writer, exception);
        }

        return buffer.Length > MaxPayloadBytes ? TruncatedDocument : buffer.ToArray();
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteString("errorType", ErrorType(exception));
        writer.WriteString("errorMessage", exception.Message);

        var lines = StackTraceLines(exception);
        if (lines.Count > 0)
        {
            writer.WriteStartArray("stackTrace");
            foreach (var line in lines)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
        }

        if (exception.InnerException is { } inner)
        {
            writer.WritePropertyName("cause");
            WriteException(writer, inner);
        }

        if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            writer.WriteStartArray("causes");
            foreach (var child in aggregate.InnerExceptions)
            {
                WriteException(writer, child);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static List<string> StackTraceLines(Exception exception)
    {
        if (string.IsNullOrEmpty(exception.StackTrace))
        {
            return [];
        }

        return new StackTrace(exception, fNeedFileInfo: true).ToString()
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }
}
