using System.Text.Encodings.Web;
using System.Text.Json;

namespace Workers.Lambda;

/// <summary>
/// The JSON writer settings of everything the runtime writes. Like the AWS .NET serializer it escapes only what JSON
/// requires, so messages keep their quotes and angle brackets readable in logs and error documents.
/// </summary>
internal static class LambdaJsonWriter
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
